using System.Diagnostics;
using System.Reflection;

namespace ImdsAnalyzers.Runtime;

/// <summary>Finds, on a stack captured inside HttpClient, the first frame that belongs to the code that made the request.</summary>
internal sealed class CallerLocator
{
    // Polly sits between application code and HttpClient in most retry set-ups; naming it would help no one.
    private static readonly string[] FrameworkPrefixes = ["System.", "Microsoft.Extensions.", "Microsoft.AspNetCore.", "Microsoft.Win32.", "Internal.", "Polly."];

    private readonly string[] _skipPrefixes;

    public CallerLocator(IEnumerable<string> extraPrefixes) =>
        _skipPrefixes = FrameworkPrefixes.Concat(extraPrefixes.Where(prefix => !string.IsNullOrEmpty(prefix))).ToArray();

    /// <summary>The index of the caller's frame (-1 when there is none) and a key that tells call sites apart.</summary>
    public (int Index, CallSiteKey Key) Find(StackTrace trace, string httpMethod, string path)
    {
        for (var i = 0; i < trace.FrameCount; i++)
        {
            var frame = trace.GetFrame(i);
            var method = frame?.GetMethod();
            if (method is not null && !IsSkipped(method))
            {
                return (i, new CallSiteKey(method.Module.ModuleVersionId, method.MetadataToken, frame!.GetILOffset(), null));
            }
        }

        // Without a caller, one entry per request line is the best that can be told apart.
        return (-1, new CallSiteKey(Guid.Empty, 0, 0, httpMethod + " " + path));
    }

    public static ImdsCallSite Describe(StackTrace trace, int index, string httpMethod, string path)
    {
        if (index < 0)
        {
            return new ImdsCallSite(null, null, null, httpMethod, path, trace.ToString().TrimEnd());
        }

        var frames = trace.GetFrames();
        var frame = frames[index];
        var line = frame.GetFileLineNumber();
        return new ImdsCallSite(
            Describe(frame.GetMethod()!),
            frame.GetFileName(),
            line == 0 ? null : line,
            httpMethod,
            path,
            new StackTrace(frames.Skip(index)).ToString().TrimEnd());
    }

    private bool IsSkipped(MethodBase method)
    {
        var type = method.DeclaringType;
        if (type is null || type.Assembly == typeof(CallerLocator).Assembly || method.Name.StartsWith("<>", StringComparison.Ordinal))
        {
            // Dynamic methods (reflection's invoke stubs among them), this package, and the accessors the compiler
            // writes for base calls from async methods and lambdas (<>n__0): the method that uses them comes next.
            return true;
        }

        var ns = type.Namespace;
        if (ns is null)
        {
            return false;
        }

        if (ns == "System")
        {
            return true;
        }

        foreach (var prefix in _skipPrefixes)
        {
            if (ns.StartsWith(prefix, StringComparison.Ordinal) || ns == prefix.TrimEnd('.'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>Namespace.Type.Method</c>, seeing through the types the compiler makes for async methods, iterators and lambdas.</summary>
    internal static string Describe(MethodBase method)
    {
        var type = method.DeclaringType!;
        var name = method.Name;

        // Async methods and iterators run in MoveNext of a nested type named <Method>d__N.
        if (name == "MoveNext" && IsGeneratedName(type.Name) && type.DeclaringType is not null)
        {
            name = GeneratedOuterName(type.Name);
            type = type.DeclaringType;
        }

        // Lambdas are <Outer>b__N_M, local functions <Outer>g__Inner|N_M, top-level statements <Main>$.
        if (IsGeneratedName(name))
        {
            var outer = GeneratedOuterName(name);
            var local = name.IndexOf(">g__", StringComparison.Ordinal);
            name = local >= 0
                ? $"{outer}.{name[(local + 4)..].Split('|')[0]}"
                : name.Contains(">b__", StringComparison.Ordinal) ? outer + " (lambda)" : outer;
        }

        // Closures live in display classes such as <>c or <>c__DisplayClass0_0.
        while (IsGeneratedName(type.Name) && type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        var typeName = (type.FullName ?? type.Name).Replace('+', '.');
        var generic = typeName.IndexOf('`');
        if (generic >= 0)
        {
            typeName = typeName[..generic];
        }

        return $"{typeName}.{name}";
    }

    private static bool IsGeneratedName(string name) => name.Length > 0 && name[0] == '<';

    private static string GeneratedOuterName(string name)
    {
        var close = name.IndexOf('>');
        return close > 1 ? name[1..close] : name;
    }

    internal readonly record struct CallSiteKey(Guid Module, int MethodToken, int ILOffset, string? Unknown);
}
