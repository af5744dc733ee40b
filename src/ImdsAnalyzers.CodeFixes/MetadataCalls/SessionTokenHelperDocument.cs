using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace ImdsAnalyzers.CodeFixes.MetadataCalls
{
    /// <summary>
    /// Where the helper class lives. A project gets it once, appended to a file the fix already
    /// changes; see <see cref="SessionTokenHelperSource.Generate"/> for why it is not a file of its own.
    /// </summary>
    internal static class SessionTokenHelperDocument
    {
        public static HelperCapabilities? GetCapabilities(Compilation compilation, SyntaxTree tree)
        {
            var httpClient = compilation.GetTypeByMetadataName("System.Net.Http.HttpClient");
            if (httpClient is null || compilation.GetTypeByMetadataName("System.Collections.Concurrent.ConcurrentDictionary`2") is null)
            {
                // Without HttpClient the helper cannot fetch a token, so no fix is offered.
                return null;
            }

            var languageVersion = tree.Options is CSharpParseOptions options ? options.LanguageVersion : LanguageVersion.Latest;
            return new HelperCapabilities(
                nullableDirectives: languageVersion >= LanguageVersion.CSharp8,
                httpClientSend: !httpClient.GetMembers("Send").IsEmpty,
                webClient: compilation.GetTypeByMetadataName("System.Net.WebClient") is not null,
                webRequest: compilation.GetTypeByMetadataName("System.Net.WebRequest") is not null);
        }

        /// <summary>The helper already declared in the project's sources, if any.</summary>
        public static INamedTypeSymbol? FindExisting(Compilation compilation)
        {
            foreach (var symbol in compilation.GetSymbolsWithName(SessionTokenHelperSource.ClassName, SymbolFilter.Type))
            {
                if (symbol is INamedTypeSymbol { IsStatic: true, ContainingType: null } type && type.GetMembers("Attach").Length + type.GetMembers("GetStringAsync").Length > 0)
                {
                    return type;
                }
            }

            return null;
        }

        /// <summary>The full name the helper will have once it is appended to <paramref name="host"/>.</summary>
        public static string FullNameWhenHostedIn(SyntaxNode hostRoot) =>
            FileScopedNamespace(hostRoot) is { } ns
                ? ns.Name.ToString() + "." + SessionTokenHelperSource.ClassName
                : SessionTokenHelperSource.MetadataName;

        public static async Task<Document> AppendAsync(Document host, HelperCapabilities capabilities, CancellationToken cancellationToken)
        {
            var root = await host.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var text = await host.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var helper = SessionTokenHelperSource.Generate(capabilities, inNamespaceBlock: root is null || FileScopedNamespace(root) is null);
            var content = text.ToString();
            var separator = content.Length == 0 || content.EndsWith("\n", StringComparison.Ordinal) ? string.Empty : "\n";
            return host.WithText(text.WithChanges(new TextChange(new TextSpan(text.Length, 0), separator + helper)));
        }

        /// <summary>
        /// Adds a using directive where the rewritten calls need one. This runs once the helper
        /// exists in the project, because imports are only added for names that bind.
        /// </summary>
        public static async Task<Solution> AddImportsAsync(Solution solution, DocumentId documentId, CancellationToken cancellationToken)
        {
            var document = solution.GetDocument(documentId);
            if (document is null)
            {
                return solution;
            }

            var withImports = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            return withImports.Project.Solution;
        }

        /// <summary>The invocation at <paramref name="span"/> in a tree that only grew after it.</summary>
        public static InvocationExpressionSyntax? FindSameInvocation(SyntaxNode root, TextSpan span)
        {
            if (span.End > root.FullSpan.End)
            {
                return null;
            }

            var node = root.FindNode(span, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>();
            return node is not null && node.Span == span ? node : null;
        }

        private static FileScopedNamespaceDeclarationSyntax? FileScopedNamespace(SyntaxNode root)
        {
            if (root is CompilationUnitSyntax unit)
            {
                foreach (var member in unit.Members)
                {
                    if (member is FileScopedNamespaceDeclarationSyntax ns)
                    {
                        return ns;
                    }
                }
            }

            return null;
        }
    }
}
