using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace ImdsAnalyzers.Tests.Verifiers;

/// <summary>Which third-party assemblies a test source compiles against.</summary>
[Flags]
public enum TestLibraries
{
    None = 0,
    AwsSdk = 1,
    Cdk = 2,
}

/// <summary>
/// Reference sets for analyzer tests. The verifier's own package download fails on a machine
/// without nuget.org access, so the AWS assemblies come from this test project's own restore.
/// </summary>
public static class TestReferences
{
    /// <summary>.NET 8 reference assemblies: the framework our users most commonly target.</summary>
    public static ReferenceAssemblies Framework { get; } = ReferenceAssemblies.Net.Net80;

    public static ImmutableArray<MetadataReference> AwsSdk { get; } = FromTypes(
        typeof(Amazon.Runtime.AmazonServiceClient),
        typeof(Amazon.EC2.AmazonEC2Client));

    public static ImmutableArray<MetadataReference> Cdk { get; } = FromTypes(
        typeof(Amazon.CDK.Stack),
        typeof(Constructs.Construct),
        typeof(Amazon.JSII.Runtime.Deputy.DeputyBase));

    public static IEnumerable<MetadataReference> For(TestLibraries libraries)
    {
        if ((libraries & TestLibraries.AwsSdk) != 0)
        {
            foreach (var reference in AwsSdk)
            {
                yield return reference;
            }
        }

        if ((libraries & TestLibraries.Cdk) != 0)
        {
            foreach (var reference in Cdk)
            {
                yield return reference;
            }
        }
    }

    private static ImmutableArray<MetadataReference> FromTypes(params Type[] types) =>
        types.Select(t => (MetadataReference)MetadataReference.CreateFromFile(Net80Build(t.Assembly.Location))).ToImmutableArray();

    /// <summary>
    /// This test project runs on net10.0 and so copies a package's net10.0 build beside the tests; it
    /// references System.Runtime 10 (CS1705 against the .NET 8 reference assemblies). The project file
    /// copies the packages' net8.0 builds into net8.0-references, which is what a .NET 8 project compiles against.
    /// </summary>
    private static string Net80Build(string location)
    {
        var net80 = Path.Combine(AppContext.BaseDirectory, "net8.0-references", Path.GetFileName(location));
        return File.Exists(net80) ? net80 : location;
    }
}
