using System.Collections.Immutable;
using ImdsAnalyzers.CodeFixes.LaunchSettings;
using ImdsAnalyzers.LaunchSettings;
using ImdsAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using static ImdsAnalyzers.Tests.LaunchSettings.SdkSource;
using Verify = ImdsAnalyzers.Tests.Verifiers.CodeFixVerifier<ImdsAnalyzers.LaunchSettings.LaunchSettingsAnalyzer, ImdsAnalyzers.CodeFixes.LaunchSettings.LaunchSettingsCodeFixProvider>;

namespace ImdsAnalyzers.Tests.LaunchSettings;

/// <summary>IMDS101, IMDS102 and IMDS104 in one file, fixed one at a time, all at once, and the way dotnet format asks.</summary>
public class MixedRulesCodeFixTests
{
    private static readonly string Before = InMethod("""
                await ec2.RunInstancesAsync({|IMDS101:new RunInstancesRequest|} { ImageId = imageId });
                await ec2.RegisterImageAsync({|IMDS104:new RegisterImageRequest|} { Name = "golden" });
                await ec2.ModifyInstanceMetadataOptionsAsync(new ModifyInstanceMetadataOptionsRequest { InstanceId = "i-1", {|IMDS102:HttpTokens = "optional"|} });
                await ec2.ModifyInstanceMetadataDefaultsAsync(new ModifyInstanceMetadataDefaultsRequest { {|IMDS102:HttpTokens = MetadataDefaultHttpTokensState.NoPreference|} });
        """);

    private static readonly string After = InMethod("""
                await ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = imageId, MetadataOptions = new InstanceMetadataOptionsRequest { HttpTokens = HttpTokensState.Required } });
                await ec2.RegisterImageAsync(new RegisterImageRequest { Name = "golden", ImdsSupport = ImdsSupportValues.V20 });
                await ec2.ModifyInstanceMetadataOptionsAsync(new ModifyInstanceMetadataOptionsRequest { InstanceId = "i-1", HttpTokens = "required" });
                await ec2.ModifyInstanceMetadataDefaultsAsync(new ModifyInstanceMetadataDefaultsRequest { HttpTokens = MetadataDefaultHttpTokensState.Required });
        """);

    [Fact]
    public Task Every_rule_fixed_one_by_one_and_through_fix_all() => Verify.VerifyAsync(Before, After, TestLibraries.AwsSdk);

    /// <summary>
    /// dotnet format analyzers --diagnostics IMDS102 takes the first diagnostic the analyzer reported
    /// (here an IMDS104), registers fixes for it, and runs Fix All for IMDS102 with that action's key.
    /// </summary>
    [Fact]
    public async Task Fix_all_for_one_rule_with_the_key_of_another_rules_action()
    {
        using var workspace = new AdhocWorkspace();
        var references = (await TestReferences.Framework.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).AddRange(TestReferences.For(TestLibraries.AwsSdk));
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "Launcher", "Launcher", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
            metadataReferences: references));
        var document = workspace.AddDocument(project.Id, "Launcher.cs", SourceText.From(WithoutMarkup(Before)));

        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new LaunchSettingsAnalyzer())).GetAnalyzerDiagnosticsAsync();
        var foreign = diagnostics.First(d => d.Id == DiagnosticIds.ImageWithoutImdsV2Support);

        var provider = new LaunchSettingsCodeFixProvider();
        CodeAction? first = null;
        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, foreign, (action, _) => first ??= action, CancellationToken.None));
        Assert.NotNull(first);

        var fixAll = new FixAllContext(
            document,
            provider,
            FixAllScope.Solution,
            first!.EquivalenceKey!,
            new[] { DiagnosticIds.TokenRequirementWeakened },
            new FixedDiagnostics(diagnostics),
            CancellationToken.None);
        var fixAllAction = await provider.GetFixAllProvider().GetFixAsync(fixAll);
        Assert.NotNull(fixAllAction);

        var operations = await fixAllAction!.GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
        var text = (await changed.GetTextAsync()).ToString();
        Assert.Contains("HttpTokens = \"required\"", text, StringComparison.Ordinal);
        Assert.Contains("HttpTokens = MetadataDefaultHttpTokensState.Required", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ImdsSupport", text, StringComparison.Ordinal);
        Assert.DoesNotContain("MetadataOptions = new", text, StringComparison.Ordinal);
    }

    private static string WithoutMarkup(string source)
    {
        TestFileMarkupParser.GetSpans(source, out var output, out ImmutableDictionary<string, ImmutableArray<TextSpan>> _);
        return output;
    }

    private sealed class FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
    }
}
