using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ImdsAnalyzers.CodeFixes.MetadataCalls
{
    /// <summary>
    /// Fix All that applies one diagnostic at a time and re-analyses in between. Batch merging is wrong for
    /// fixes whose edits overlap: two requests on one WebClient would both insert the TTL header, and two
    /// requests sharing a client's default headers would both edit the same value.
    /// </summary>
    internal static class SequentialFixAllProvider
    {
        private const string AnnotationKind = "ImdsAnalyzers.FixAllTarget";

        /// <param name="fixOne">Fixes the diagnostic reported on the node; returns null when it cannot.</param>
        public static FixAllProvider Create(Func<Document, SyntaxNode, CancellationToken, Task<Document?>> fixOne) =>
            FixAllProvider.Create((context, document, diagnostics) => FixDocumentAsync(document, diagnostics, fixOne, context.CancellationToken));

        private static async Task<Document?> FixDocumentAsync(
            Document document,
            ImmutableArray<Diagnostic> diagnostics,
            Func<Document, SyntaxNode, CancellationToken, Task<Document?>> fixOne,
            CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || diagnostics.IsEmpty)
            {
                return document;
            }

            // Mark every target first: positions move as fixes apply, annotations follow the nodes.
            var annotations = new Dictionary<SyntaxNode, SyntaxAnnotation>();
            var order = new List<SyntaxAnnotation>();
            foreach (var diagnostic in diagnostics)
            {
                var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                if (!annotations.ContainsKey(node))
                {
                    var annotation = new SyntaxAnnotation(AnnotationKind, order.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    annotations.Add(node, annotation);
                    order.Add(annotation);
                }
            }

            var current = document.WithSyntaxRoot(root.ReplaceNodes(annotations.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(annotations[original])));
            foreach (var annotation in order)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var currentRoot = await current.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                SyntaxNode? target = null;
                foreach (var node in currentRoot!.GetAnnotatedNodes(annotation))
                {
                    target = node;
                    break;
                }

                if (target != null)
                {
                    current = await fixOne(current, target, cancellationToken).ConfigureAwait(false) ?? current;
                }
            }

            // Leave no bookkeeping annotations behind.
            var finalRoot = await current.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var leftovers = new List<SyntaxNode>(finalRoot!.GetAnnotatedNodes(AnnotationKind));
            return leftovers.Count == 0
                ? current
                : current.WithSyntaxRoot(finalRoot.ReplaceNodes(leftovers, (_, rewritten) => rewritten.WithoutAnnotations(AnnotationKind)));
        }
    }
}
