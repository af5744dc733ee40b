using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ImdsAnalyzers.Flow
{
    internal static class CreationLocation
    {
        /// <summary>
        /// <c>new T(...)</c> without its initializer: the report names the object being created
        /// without underlining every setting in a long initializer.
        /// </summary>
        public static Location Of(SyntaxNode creation)
        {
            switch (creation)
            {
                case ObjectCreationExpressionSyntax explicitType:
                    var end = explicitType.ArgumentList is { } arguments ? arguments.Span.End : explicitType.Type.Span.End;
                    return Location.Create(creation.SyntaxTree, TextSpan.FromBounds(explicitType.NewKeyword.SpanStart, end));
                case ImplicitObjectCreationExpressionSyntax targetTyped:
                    return Location.Create(creation.SyntaxTree, TextSpan.FromBounds(targetTyped.NewKeyword.SpanStart, targetTyped.ArgumentList.Span.End));
                default:
                    return creation.GetLocation();
            }
        }
    }
}
