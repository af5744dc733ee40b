using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ImdsAnalyzers.Tests.Documentation;

/// <summary>Checks that the rule catalogue, the shipped analyzers and the docs folder agree.</summary>
public class RuleCatalogTests
{
    public static TheoryData<string> AllDescriptorIds()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in AllDescriptors())
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllDescriptorIds))]
    public void Every_help_link_resolves_to_a_rule_page(string id)
    {
        var descriptor = AllDescriptors().Single(d => d.Id == id);
        Assert.StartsWith(Descriptors.HelpLinkBase, descriptor.HelpLinkUri, StringComparison.Ordinal);

        var relative = descriptor.HelpLinkUri.Substring(Descriptors.HelpLinkBase.Length);
        var page = Path.Combine(RepositoryPaths.Root, "docs", "rules", relative);
        Assert.True(File.Exists(page), $"{id}: help link {descriptor.HelpLinkUri} has no page at {page}");

        var text = File.ReadAllText(page);
        Assert.Contains("# " + id, text, StringComparison.Ordinal);
        Assert.Contains("MetadataNoToken", text, StringComparison.Ordinal);
        Assert.Contains(".editorconfig", text, StringComparison.Ordinal);
        Assert.Contains("dotnet_diagnostic." + id + ".severity", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_id_constant_has_exactly_one_descriptor()
    {
        var ids = typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!)
            .OrderBy(x => x, StringComparer.Ordinal)
            .ToArray();
        var described = AllDescriptors().Select(d => d.Id).OrderBy(x => x, StringComparer.Ordinal).ToArray();
        Assert.Equal(ids, described);
    }

    [Theory]
    [MemberData(nameof(AllDescriptorIds))]
    public void Every_descriptor_is_reported_by_exactly_one_shipped_analyzer(string id)
    {
        var owners = typeof(Descriptors).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .Where(a => a.SupportedDiagnostics.Any(d => d.Id == id))
            .Select(a => a.GetType().Name)
            .ToArray();
        Assert.True(owners.Length == 1, $"{id} is supported by [{string.Join(", ", owners)}]");
    }

    [Fact]
    public void Release_tracking_lists_every_rule()
    {
        var unshipped = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "ImdsAnalyzers", "AnalyzerReleases.Unshipped.md"));
        var shipped = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "ImdsAnalyzers", "AnalyzerReleases.Shipped.md"));
        foreach (var descriptor in AllDescriptors())
        {
            Assert.True(unshipped.Contains(descriptor.Id + " ", StringComparison.Ordinal) || shipped.Contains(descriptor.Id + " ", StringComparison.Ordinal), descriptor.Id);
        }
    }

    private static IEnumerable<DiagnosticDescriptor> AllDescriptors() =>
        typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!);
}
