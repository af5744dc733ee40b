using ImdsAnalyzers.MetadataCalls;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace ImdsAnalyzers.CodeFixes.MetadataCalls
{
    /// <summary>The pieces of syntax the IMDS002 fix writes. Type names are fully qualified and left to the simplifier.</summary>
    internal static class TokenRequestSyntax
    {
        public static LiteralExpressionSyntax String(string value) =>
            LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(value));

        public static ExpressionSyntax HttpMethodPut() =>
            ParseExpression("global::System.Net.Http.HttpMethod.Put").WithAdditionalAnnotations(Simplifier.Annotation);

        /// <summary><c>{ "X-aws-ec2-metadata-token-ttl-seconds", "21600" }</c> as a collection-initializer element.</summary>
        public static InitializerExpressionSyntax TtlElement() =>
            (InitializerExpressionSyntax)((InitializerExpressionSyntax)HeadersWithTtl().Right).Expressions[0];

        /// <summary>
        /// <c>Headers = { { ttl } }</c> inside an object initializer. Parsed rather than built so that it carries
        /// plain spaces: the formatter keeps it on one line instead of spreading it over six.
        /// </summary>
        public static AssignmentExpressionSyntax HeadersWithTtl() =>
            Member("Headers = { { \"" + MetadataHeaders.TokenTtlSeconds + "\", \"" + MetadataHeaders.DefaultTtlSecondsText + "\" } }");

        public static AssignmentExpressionSyntax MethodPut()
        {
            var member = Member("Method = global::System.Net.Http.HttpMethod.Put");
            return member.WithRight(member.Right.WithAdditionalAnnotations(Simplifier.Annotation));
        }

        private static AssignmentExpressionSyntax Member(string text)
        {
            var creation = (ObjectCreationExpressionSyntax)ParseExpression("new T { " + text + " }");
            return (AssignmentExpressionSyntax)creation.Initializer!.Expressions[0];
        }

        /// <summary><c>new HttpRequestMessage(HttpMethod.Put, url) { Content = content, Headers = { { ttl } } }</c>.</summary>
        public static ExpressionSyntax NewPutRequest(ExpressionSyntax url, ExpressionSyntax? content, bool withTtl)
        {
            var members = new System.Collections.Generic.List<ExpressionSyntax>();
            if (content != null)
            {
                members.Add(AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, IdentifierName("Content"), content.WithoutTrivia()));
            }

            if (withTtl)
            {
                members.Add(HeadersWithTtl());
            }

            var creation = ObjectCreationExpression(ParseTypeName("global::System.Net.Http.HttpRequestMessage").WithAdditionalAnnotations(Simplifier.Annotation))
                .WithArgumentList(ArgumentList(SeparatedList(new[] { Argument(HttpMethodPut()), Argument(url.WithoutTrivia()) })));
            if (members.Count > 0)
            {
                creation = creation.WithInitializer(InitializerExpression(SyntaxKind.ObjectInitializerExpression, SeparatedList(members)));
            }

            return creation.WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);
        }

        /// <summary><c>receiver.Headers["X-aws-ec2-metadata-token-ttl-seconds"] = "21600";</c>, which also replaces an existing value.</summary>
        public static StatementSyntax SetTtlHeader(ExpressionSyntax receiver) =>
            ExpressionStatement(
                AssignmentExpression(
                    SyntaxKind.SimpleAssignmentExpression,
                    ElementAccessExpression(
                        MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver.WithoutTrivia(), IdentifierName("Headers")),
                        BracketedArgumentList(SingletonSeparatedList(Argument(String(MetadataHeaders.TokenTtlSeconds))))),
                    String(MetadataHeaders.DefaultTtlSecondsText)))
            .WithAdditionalAnnotations(Formatter.Annotation);

        /// <summary><c>receiver.Method = "PUT";</c> for a WebRequest.</summary>
        public static StatementSyntax SetWebRequestMethod(ExpressionSyntax receiver) =>
            ExpressionStatement(
                AssignmentExpression(
                    SyntaxKind.SimpleAssignmentExpression,
                    MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver.WithoutTrivia(), IdentifierName("Method")),
                    String("PUT")))
            .WithAdditionalAnnotations(Formatter.Annotation);

        /// <summary>A replacement URL of the same static type as the expression it replaces.</summary>
        public static ExpressionSyntax Url(string url, bool asUri) =>
            asUri
                ? ObjectCreationExpression(ParseTypeName("global::System.Uri").WithAdditionalAnnotations(Simplifier.Annotation))
                    .WithArgumentList(ArgumentList(SingletonSeparatedList(Argument(String(url)))))
                    .WithAdditionalAnnotations(Simplifier.Annotation)
                : String(url);
    }
}
