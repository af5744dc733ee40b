using System.Threading;
using System.Threading.Tasks;
using ImdsAnalyzers.CodeFixes.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace ImdsAnalyzers.CodeFixes.LaunchSettings
{
    /// <summary>IMDS104: registers the AMI with <c>ImdsSupport = ImdsSupportValues.V20</c>.</summary>
    internal static class ImdsSupportFix
    {
        private const string ImdsSupport = "ImdsSupport";

        public static Task RegisterAsync(CodeFixContext context, Diagnostic diagnostic) =>
            FixSyntax.RegisterCreationFixAsync(context, diagnostic, "Register the AMI with ImdsSupport = v2.0", LaunchSettingsCodeFixProvider.EquivalenceKey, FixAsync);

        private static async Task<Document> FixAsync(Document document, BaseObjectCreationExpressionSyntax creation, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var supportType = FixSyntax.PropertyType(editor.SemanticModel.GetTypeInfo(creation, cancellationToken).Type, ImdsSupport);
            if (supportType is null)
            {
                return document;
            }

            var v20 = FixSyntax.StaticMember(supportType, "V20");
            editor.ReplaceNode(creation, (node, _) => ObjectInitializerSyntax.WithMember((BaseObjectCreationExpressionSyntax)node, ImdsSupport, v20));
            return editor.GetChangedDocument();
        }
    }
}
