using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace ImdsAnalyzers.Benchmarks.Analysis;

/// <summary>
/// What the corpus and scanned folders compile against: the .NET reference assemblies of the installed
/// targeting pack (the same files a real build passes to csc), plus the AWS SDK and CDK assemblies.
/// </summary>
public static class CorpusReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> All = new(Load);

    /// <summary>Where the framework references came from, for the report.</summary>
    public static string FrameworkSource { get; private set; } = "";

    public static ImmutableArray<MetadataReference> Get() => All.Value;

    private static ImmutableArray<MetadataReference> Load()
    {
        var framework = FindReferencePack();
        var paths = framework is not null
            ? Directory.GetFiles(framework, "*.dll")
            : ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
                .ToArray();
        FrameworkSource = framework ?? "the running framework's implementation assemblies (no targeting pack found)";

        var aws = new[]
        {
            typeof(Amazon.Runtime.AmazonServiceClient).Assembly.Location,
            typeof(Amazon.EC2.AmazonEC2Client).Assembly.Location,
            typeof(Amazon.CDK.Stack).Assembly.Location,
            typeof(Constructs.Construct).Assembly.Location,
            typeof(Amazon.JSII.Runtime.Deputy.DeputyBase).Assembly.Location,
        };
        return paths.Concat(aws)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }

    /// <summary>dotnet/packs/Microsoft.NETCore.App.Ref/&lt;running version&gt;/ref/net&lt;major&gt;.0, or the newest pack there.</summary>
    private static string? FindReferencePack()
    {
        var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar);
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        if (!Directory.Exists(packs))
        {
            return null;
        }

        var tfm = $"net{Environment.Version.Major}.0";
        var preferred = Path.Combine(packs, Path.GetFileName(runtimeDirectory), "ref", tfm);
        if (Directory.Exists(preferred))
        {
            return preferred;
        }

        return Directory.GetDirectories(packs)
            .Select(v => Path.Combine(v, "ref", tfm))
            .Where(Directory.Exists)
            .OrderByDescending(p => p, StringComparer.Ordinal)
            .FirstOrDefault();
    }
}
