namespace ImdsAnalyzers.Tests.Scripts;

/// <summary>Puts script text into C# sources for the IMDS003 tests.</summary>
internal static class ScriptTestCode
{
    /// <summary>The script as a verbatim string constant; quotes are doubled, markup in the script survives.</summary>
    public static string InVerbatimConstant(string script) =>
        "class C\n{\n    const string UserData = @\"" + script.Replace("\"", "\"\"", StringComparison.Ordinal) + "\";\n}\n";
}
