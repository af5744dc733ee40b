using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ImdsAnalyzers.Tests.Robustness;

/// <summary>
/// The sources the robustness test mutates: every sample program, the files under Robustness/Corpus,
/// and every C# source held in a string literal of this test project (the analyzer and fix test
/// inputs), with the test markup removed. Statement fragments are wrapped in a method.
/// </summary>
public static partial class FuzzSources
{
    public sealed record Seed(string Origin, string Text);

    public static IReadOnlyList<Seed> Load()
    {
        var root = RepositoryPaths.Root;
        var seeds = new List<Seed>();
        foreach (var path in Files(Path.Combine(root, "samples")).Concat(Files(Path.Combine(root, "tests", "ImdsAnalyzers.Tests", "Robustness", "Corpus"))))
        {
            seeds.Add(new Seed(Path.GetRelativePath(root, path), File.ReadAllText(path)));
        }

        var testRoot = Path.Combine(root, "tests", "ImdsAnalyzers.Tests");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in Files(testRoot).Where(p => !p.Contains(Path.DirectorySeparatorChar + "Robustness" + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
        {
            foreach (var (line, source) in SourcesInLiterals(File.ReadAllText(path)))
            {
                if (seen.Add(source))
                {
                    seeds.Add(new Seed($"{Path.GetRelativePath(root, path)}:{line}", source));
                }
            }
        }

        return seeds;
    }

    private static IEnumerable<string> Files(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(p => !p.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                         && !p.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .OrderBy(p => p, StringComparer.Ordinal)
            : Enumerable.Empty<string>();

    private static IEnumerable<(int Line, string Source)> SourcesInLiterals(string testFile)
    {
        var root = CSharpSyntaxTree.ParseText(testFile).GetRoot();
        foreach (var literal in root.DescendantNodes().OfType<LiteralExpressionSyntax>())
        {
            if (!literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                continue;
            }

            var text = StripMarkup(literal.Token.ValueText);
            if (text.Length < 40 || !text.Contains(';'))
            {
                continue;
            }

            var line = literal.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
            if (LooksLikeCompilationUnit(text))
            {
                yield return (line, text);
            }
            else if (!text.Contains("dotnet", StringComparison.Ordinal) && !text.Contains("<Project", StringComparison.Ordinal))
            {
                yield return (line, WrapStatements(text));
            }
        }
    }

    private static bool LooksLikeCompilationUnit(string text) =>
        text.Contains("class ", StringComparison.Ordinal) || text.Contains("namespace ", StringComparison.Ordinal)
        || text.Contains("record ", StringComparison.Ordinal) || text.Contains("struct ", StringComparison.Ordinal);

    /// <summary>Analyzer tests mark expected spans as {|ID:...|}, [|...|] or {|#0:...|}; the compiler must not see that.</summary>
    public static string StripMarkup(string text) => Markup().Replace(text, string.Empty);

    /// <summary>Puts statements where the analyzer tests put them: a stack constructor, an EC2 caller, or an HTTP caller.</summary>
    private static string WrapStatements(string statements)
    {
        if (CdkHints.Any(h => statements.Contains(h, StringComparison.Ordinal)))
        {
            return $$"""
                using Amazon.CDK;
                using Amazon.CDK.AWS.AutoScaling;
                using Amazon.CDK.AWS.EC2;
                using Constructs;

                class FuzzStack : Stack
                {
                    FuzzStack(Construct scope, IVpc vpc, IMachineImage image) : base(scope, "Fuzz")
                    {
                {{statements}}
                    }
                }
                """;
        }

        if (SdkHints.Any(h => statements.Contains(h, StringComparison.Ordinal)))
        {
            return $$"""
                using System.Threading.Tasks;
                using Amazon.EC2;
                using Amazon.EC2.Model;

                class FuzzLauncher
                {
                    async Task Launch(IAmazonEC2 ec2, string imageId)
                    {
                {{statements}}
                    }
                }
                """;
        }

        return $$"""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Net;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;

            #pragma warning disable SYSLIB0014
            class FuzzHost
            {
                private const string MetadataBase = "http://169.254.169.254/latest/meta-data/";
                private const string TokenUrl = "http://169.254.169.254/latest/api/token";

                async Task M(string path, string token)
                {
            {{statements}}
                }
            }
            """;
    }

    private static readonly string[] CdkHints = { "Props", "Aspects", "Instance_", "BastionHost", "UserData.", "vpc" };
    private static readonly string[] SdkHints = { "RunInstances", "LaunchTemplate", "RegisterImage", "InstanceMetadata", "ec2.", "HttpTokens", "MetadataOptions" };

    [GeneratedRegex(@"\{\|[^:|{}]*:|\|\}|\[\||\|\]")]
    private static partial Regex Markup();
}
