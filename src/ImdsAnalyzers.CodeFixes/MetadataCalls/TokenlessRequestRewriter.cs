using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace ImdsAnalyzers.CodeFixes.MetadataCalls
{
    /// <summary>How a flagged send call is rewritten to go through the session-token helper.</summary>
    internal enum RewriteKind
    {
        None,

        /// <summary><c>client.M(args)</c> becomes <c>ImdsSessionToken.M(client, args)</c>.</summary>
        StaticWrapper,

        /// <summary><c>request.GetResponse()</c> becomes <c>ImdsSessionToken.Attach(request).GetResponse()</c>.</summary>
        AttachToRequest,
    }

    /// <summary>Decides whether a flagged invocation can be routed through the helper, and rewrites it.</summary>
    internal static class TokenlessRequestRewriter
    {
        public static RewriteKind Classify(InvocationExpressionSyntax invocation, SemanticModel model, HelperCapabilities capabilities, CancellationToken cancellationToken)
        {
            if (!(invocation.Expression is MemberAccessExpressionSyntax memberAccess) || invocation.Parent is ConditionalAccessExpressionSyntax)
            {
                return RewriteKind.None;
            }

            if (!(model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method) || method.IsStatic || method.IsGenericMethod)
            {
                return RewriteKind.None;
            }

            if (InheritsFrom(method.ContainingType, "System.Net.WebRequest"))
            {
                return capabilities.WebRequest && (method.Name == "GetResponse" || method.Name == "GetResponseAsync")
                    ? RewriteKind.AttachToRequest
                    : RewriteKind.None;
            }

            if (InheritsFrom(method.ContainingType, "System.Net.WebClient"))
            {
                return capabilities.WebClient && SessionTokenHelperSource.IsSupportedWebClientMethod(method.Name) && IsAddressFirst(method)
                    ? RewriteKind.StaticWrapper
                    : RewriteKind.None;
            }

            var isHttpClient = InheritsFrom(method.ContainingType, "System.Net.Http.HttpClient");
            if (!isHttpClient && !InheritsFrom(method.ContainingType, "System.Net.Http.HttpMessageInvoker"))
            {
                return RewriteKind.None;
            }

            switch (method.Name)
            {
                case "GetStringAsync":
                case "GetByteArrayAsync":
                case "GetStreamAsync":
                case "GetAsync":
                    return isHttpClient ? RewriteKind.StaticWrapper : RewriteKind.None;
                case "SendAsync":
                    return RewriteKind.StaticWrapper;
                case "Send":
                    return capabilities.HttpClientSend ? RewriteKind.StaticWrapper : RewriteKind.None;
                default:
                    return RewriteKind.None;
            }
        }

        public static void Rewrite(DocumentEditor editor, InvocationExpressionSyntax invocation, RewriteKind kind, string helperFullName)
        {
            var memberAccess = (MemberAccessExpressionSyntax)invocation.Expression;
            var receiver = memberAccess.Expression is BaseExpressionSyntax
                ? SyntaxFactory.ThisExpression().WithTriviaFrom(memberAccess.Expression)
                : memberAccess.Expression;
            var helperType = HelperTypeSyntax(helperFullName);

            SyntaxNode replacement;
            if (kind == RewriteKind.AttachToRequest)
            {
                var attach = SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, helperType, SyntaxFactory.IdentifierName("Attach")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(receiver.WithoutTrivia()))));
                replacement = invocation.WithExpression(memberAccess.WithExpression(attach.WithTriviaFrom(receiver)));
            }
            else
            {
                var arguments = new List<ArgumentSyntax>(invocation.ArgumentList.Arguments.Count + 1) { SyntaxFactory.Argument(receiver.WithoutTrivia()) };
                arguments.AddRange(invocation.ArgumentList.Arguments);
                var separators = new List<SyntaxToken>(arguments.Count);
                separators.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
                separators.AddRange(invocation.ArgumentList.Arguments.GetSeparators());
                var argumentList = invocation.ArgumentList.WithArguments(SyntaxFactory.SeparatedList(arguments, separators));
                replacement = SyntaxFactory.InvocationExpression(
                        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, helperType, memberAccess.Name.WithoutTrivia()),
                        argumentList)
                    .WithLeadingTrivia(receiver.GetLeadingTrivia())
                    .WithTrailingTrivia(invocation.GetTrailingTrivia());
            }

            editor.ReplaceNode(invocation, replacement.WithAdditionalAnnotations(Formatter.Annotation));
        }

        private static ExpressionSyntax HelperTypeSyntax(string helperFullName) =>
            SyntaxFactory.ParseExpression("global::" + helperFullName)
                .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

        private static bool IsAddressFirst(IMethodSymbol method) =>
            method.Parameters.Length > 0 && method.Parameters[0].Name == "address";

        private static bool InheritsFrom(INamedTypeSymbol? type, string metadataName)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                if (current.ToDisplayString() == metadataName)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
