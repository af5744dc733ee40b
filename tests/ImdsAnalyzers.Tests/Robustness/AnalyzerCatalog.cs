using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ImdsAnalyzers.Tests.Robustness;

/// <summary>
/// Every analyzer and code fix the package ships, found by reflection, so that the robustness test
/// and the benchmarks cover each rule family as soon as it is added, without a list to keep in step.
/// </summary>
public static class AnalyzerCatalog
{
    public const string AnalyzerAssemblyName = "ImdsAnalyzers";
    public const string CodeFixAssemblyName = "ImdsAnalyzers.CodeFixes";

    public static ImmutableArray<DiagnosticAnalyzer> Analyzers() =>
        Instantiate<DiagnosticAnalyzer>(typeof(DiagnosticIds).Assembly);

    public static ImmutableArray<CodeFixProvider> CodeFixes() =>
        Instantiate<CodeFixProvider>(Assembly.Load(CodeFixAssemblyName));

    /// <summary>Short display name: the type name without namespace.</summary>
    public static string NameOf(object analyzerOrFix) => analyzerOrFix.GetType().Name;

    private static ImmutableArray<T> Instantiate<T>(Assembly assembly) where T : class =>
        assembly.GetTypes()
            .Where(t => typeof(T).IsAssignableFrom(t) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (T)Activator.CreateInstance(t)!)
            .ToImmutableArray();
}
