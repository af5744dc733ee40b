using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ImdsAnalyzers.CodeFixes.Shared;
using ImdsAnalyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace ImdsAnalyzers.CodeFixes.LaunchSettings
{
    /// <summary>
    /// IMDS101: sets <c>MetadataOptions.HttpTokens = Required</c>. Every MetadataOptions object the
    /// method stores in the request gets HttpTokens, so a later <c>request.MetadataOptions = new ...</c>
    /// cannot drop it again; a request that never gets MetadataOptions gets a new one in its initializer.
    /// </summary>
    internal static class RequireTokensFix
    {
        private const string MetadataOptions = "MetadataOptions";
        private const string HttpTokens = "HttpTokens";

        public static Task RegisterAsync(CodeFixContext context, Diagnostic diagnostic) =>
            FixSyntax.RegisterCreationFixAsync(context, diagnostic, "Require IMDSv2 session tokens (MetadataOptions.HttpTokens = required)", LaunchSettingsCodeFixProvider.EquivalenceKey, FixAsync);

        private static async Task<Document> FixAsync(Document document, BaseObjectCreationExpressionSyntax creationSyntax, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            if (editor.SemanticModel.GetOperation(creationSyntax, cancellationToken) is not IObjectCreationOperation creation
                || FixSyntax.PropertyType(creation.Type, MetadataOptions) is not { } optionsType
                || FixSyntax.PropertyType(optionsType, HttpTokens) is not { } tokensType)
            {
                return document;
            }

            var generator = editor.Generator;
            var required = FixSyntax.StaticMember(tokensType, "Required");
            var flow = new ObjectFlow(BodyIndex.Build(creation.Root()));
            var targets = new OptionsTargets();
            foreach (var value in flow.FindValues(creation, MetadataOptions))
            {
                targets.Add(value, flow, depth: 0);
            }

            if (targets.IsEmpty)
            {
                editor.ReplaceNode(creationSyntax, (node, _) => ObjectInitializerSyntax.WithMember((BaseObjectCreationExpressionSyntax)node, MetadataOptions, NewOptions(generator, optionsType, required)));
                return editor.GetChangedDocument();
            }

            foreach (var options in targets.Creations)
            {
                editor.ReplaceNode(options, (node, _) => ObjectInitializerSyntax.WithMember((BaseObjectCreationExpressionSyntax)node, HttpTokens, required));
            }

            foreach (var nested in targets.NestedInitializers)
            {
                editor.ReplaceNode(nested, (node, _) => ObjectInitializerSyntax.WithMember((InitializerExpressionSyntax)node, HttpTokens, required));
            }

            foreach (var nullValue in targets.NullValues)
            {
                editor.ReplaceNode(nullValue, NewOptions(generator, optionsType, required).WithTriviaFrom(nullValue));
            }

            return editor.GetChangedDocument();
        }

        private static ExpressionSyntax NewOptions(SyntaxGenerator generator, INamedTypeSymbol optionsType, ExpressionSyntax required) =>
            ObjectInitializerSyntax.New(generator, optionsType, HttpTokens, required);

        /// <summary>The places a fix edits: options objects created in the method, <c>MetadataOptions = { ... }</c>, and null stored as MetadataOptions.</summary>
        private sealed class OptionsTargets
        {
            public List<BaseObjectCreationExpressionSyntax> Creations { get; } = new List<BaseObjectCreationExpressionSyntax>();

            public List<InitializerExpressionSyntax> NestedInitializers { get; } = new List<InitializerExpressionSyntax>();

            public List<ExpressionSyntax> NullValues { get; } = new List<ExpressionSyntax>();

            public bool IsEmpty => Creations.Count == 0 && NestedInitializers.Count == 0 && NullValues.Count == 0;

            public void Add(IOperation value, ObjectFlow flow, int depth)
            {
                var unwrapped = value.WithoutBuiltInConversions();
                switch (unwrapped)
                {
                    case IObjectCreationOperation { Syntax: BaseObjectCreationExpressionSyntax syntax }:
                        AddOnce(Creations, syntax);
                        break;
                    case IMemberInitializerOperation { Syntax: AssignmentExpressionSyntax { Right: InitializerExpressionSyntax nested } }:
                        AddOnce(NestedInitializers, nested);
                        break;
                    case ILocalReferenceOperation local when depth < 2:
                        foreach (var stored in flow.ValuesOf(local.Local))
                        {
                            Add(stored, flow, depth + 1);
                        }

                        break;
                    default:
                        if (unwrapped.IsNullOrDefaultLiteral() && value.Syntax is ExpressionSyntax nullSyntax)
                        {
                            AddOnce(NullValues, nullSyntax);
                        }

                        break;
                }
            }

            private static void AddOnce<T>(List<T> list, T item)
                where T : SyntaxNode
            {
                if (!list.Contains(item))
                {
                    list.Add(item);
                }
            }
        }
    }
}
