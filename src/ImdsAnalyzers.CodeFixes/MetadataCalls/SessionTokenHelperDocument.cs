using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace ImdsAnalyzers.CodeFixes.MetadataCalls
{
    /// <summary>Finds or adds the one helper document a project needs.</summary>
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

        public static bool Exists(Compilation compilation)
        {
            var existing = compilation.GetTypeByMetadataName(SessionTokenHelperSource.MetadataName);
            return existing is not null && !existing.DeclaringSyntaxReferences.IsEmpty;
        }

        /// <summary>Adds the helper to <paramref name="project"/> unless its compilation already declares it.</summary>
        public static async Task<Solution> EnsureAsync(Project project, HelperCapabilities capabilities, CancellationToken cancellationToken)
        {
            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            if (compilation is null || Exists(compilation))
            {
                return project.Solution;
            }

            var name = UniqueName(project);
            var directory = project.FilePath is null ? null : System.IO.Path.GetDirectoryName(project.FilePath);
            var filePath = directory is null ? null : System.IO.Path.Combine(directory, name);
            var document = project.AddDocument(name, SessionTokenHelperSource.Generate(capabilities), filePath: filePath);
            return document.Project.Solution;
        }

        /// <summary>
        /// Adds <c>using ImdsV2Support;</c> where the rewritten calls need it. This runs once the helper
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

        private static string UniqueName(Project project)
        {
            var name = SessionTokenHelperSource.FileName;
            for (var i = 2; ContainsName(project, name); i++)
            {
                name = SessionTokenHelperSource.ClassName + i + ".cs";
            }

            return name;
        }

        private static bool ContainsName(Project project, string name)
        {
            foreach (var document in project.Documents)
            {
                if (string.Equals(document.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
