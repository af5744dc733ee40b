namespace ImdsAnalyzers.Tests.MetadataCalls;

/// <summary>Wraps test statements in a compilable class so each test shows only what it is about.</summary>
internal static class MetadataSources
{
    public const string Usings = @"using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
";

    /// <summary>
    /// A class with an async method taking an unknown <c>path</c> and <c>token</c>; <paramref name="body"/>
    /// is its body and <paramref name="members"/> go beside it.
    /// </summary>
    public static string InMethod(string body, string members = "") =>
        Usings + @"
#pragma warning disable SYSLIB0014
class C
{
" + members + @"
    async Task M(string path, string token)
    {
" + body + @"
    }
}
";
}
