using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace ImdsAnalyzers.CodeFixes.Shared
{
    /// <summary>Sets one member in an object initializer while keeping every other member, comment and line break.</summary>
    internal static class ObjectInitializerSyntax
    {
        /// <summary><c>new T { Name = value }</c>, with T named as <see cref="FixSyntax.TypeName"/> names it.</summary>
        public static BaseObjectCreationExpressionSyntax New(SyntaxGenerator generator, INamedTypeSymbol type, string name, ExpressionSyntax value) =>
            WithMember(SyntaxFactory.ObjectCreationExpression((TypeSyntax)FixSyntax.TypeName(generator, type)), name, value);

        /// <summary>
        /// <c>new T(...) { ..., Name = value }</c>: replaces the value of an existing <c>Name = ...</c>,
        /// appends the member otherwise, and adds the initializer when the creation has none.
        /// </summary>
        public static BaseObjectCreationExpressionSyntax WithMember(BaseObjectCreationExpressionSyntax creation, string name, ExpressionSyntax value)
        {
            if (creation.Initializer is null)
            {
                var initializer = SyntaxFactory.InitializerExpression(
                        SyntaxKind.ObjectInitializerExpression,
                        SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(Assignment(name, value)))
                    .WithAdditionalAnnotations(Formatter.Annotation);

                // The initializer goes between the creation and whatever trivia followed it.
                var trailing = creation.GetTrailingTrivia();
                return creation.WithoutTrailingTrivia().WithInitializer(initializer).WithTrailingTrivia(trailing);
            }

            return creation.WithInitializer(WithMember(creation.Initializer, name, value));
        }

        public static InitializerExpressionSyntax WithMember(InitializerExpressionSyntax initializer, string name, ExpressionSyntax value)
        {
            foreach (var expression in initializer.Expressions)
            {
                if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax identifier } existing && identifier.Identifier.ValueText == name)
                {
                    return initializer.ReplaceNode(existing.Right, value.WithTriviaFrom(existing.Right));
                }
            }

            return Append(initializer, Assignment(name, value));
        }

        private static AssignmentExpressionSyntax Assignment(string name, ExpressionSyntax value) =>
            SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(name), value)
                .WithAdditionalAnnotations(Formatter.Annotation);

        private static InitializerExpressionSyntax Append(InitializerExpressionSyntax initializer, ExpressionSyntax member)
        {
            var expressions = initializer.Expressions;
            if (expressions.Count == 0)
            {
                return initializer.WithExpressions(SyntaxFactory.SingletonSeparatedList(member)).WithAdditionalAnnotations(Formatter.Annotation);
            }

            var items = expressions.GetWithSeparators();
            if (expressions.SeparatorCount == expressions.Count)
            {
                // A trailing comma stays the last token, followed by a line break when the old one was.
                var lastComma = items[items.Count - 1].AsToken();
                var comma = SyntaxFactory.Token(SyntaxKind.CommaToken);
                foreach (var trivia in lastComma.TrailingTrivia)
                {
                    if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                    {
                        comma = comma.WithTrailingTrivia(trivia);
                    }
                }

                items = items.Add(member).Add(comma);
            }
            else
            {
                // The last member's line break (or space) moves behind the new member.
                var last = items[items.Count - 1].AsNode()!;
                items = items.Replace(last, last.WithTrailingTrivia())
                    .Add(SyntaxFactory.Token(SyntaxKind.CommaToken))
                    .Add(member.WithTrailingTrivia(last.GetTrailingTrivia()));
            }

            return initializer.WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(items));
        }
    }
}
