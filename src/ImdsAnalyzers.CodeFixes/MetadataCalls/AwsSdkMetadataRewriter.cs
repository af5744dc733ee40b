using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace ImdsAnalyzers.CodeFixes.MetadataCalls
{
    /// <summary>
    /// The alternative IMDS001 fix for projects on AWSSDK.Core 4.x, whose EC2InstanceMetadata
    /// speaks IMDSv2 only (v3 fell back to token-less calls, so it is never offered there).
    /// Only reads of a fully known /latest/meta-data/ path whose result is the string value are
    /// rewritten, because that is exactly what GetData/GetDataAsync return.
    /// </summary>
    internal static class AwsSdkMetadataRewriter
    {
        public const string EquivalenceKey = "IMDS001.AwsSdkEC2InstanceMetadata";
        public const string Title = "Read it with Amazon.Util.EC2InstanceMetadata (IMDSv2 only in AWS SDK v4)";

        private const string MetadataPrefix = "/latest/meta-data";

        public static SdkRewrite? TryCreate(InvocationExpressionSyntax invocation, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!diagnostic.Properties.TryGetValue("Url", out var url) || url is null || invocation.ArgumentList.Arguments.Count != 1)
            {
                return null;
            }

            var metadata = model.Compilation.GetTypeByMetadataName("Amazon.Util.EC2InstanceMetadata");
            if (metadata is null || metadata.ContainingAssembly.Identity.Version.Major < 4)
            {
                return null;
            }

            if (!(model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method))
            {
                return null;
            }

            bool isAsync;
            var type = method.ContainingType.ToDisplayString();
            if (method.Name == "GetStringAsync" && type == "System.Net.Http.HttpClient")
            {
                isAsync = true;
            }
            else if (method.Name == "DownloadString" && type == "System.Net.WebClient")
            {
                isAsync = false;
            }
            else
            {
                return null;
            }

            var path = MetadataRelativePath(url);
            return path is null ? null : new SdkRewrite(path, isAsync);
        }

        public static void Rewrite(DocumentEditor editor, InvocationExpressionSyntax invocation, SdkRewrite rewrite)
        {
            var type = SyntaxFactory.ParseExpression("global::Amazon.Util.EC2InstanceMetadata")
                .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
            var call = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, type, SyntaxFactory.IdentifierName(rewrite.IsAsync ? "GetDataAsync" : "GetData")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                    SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(rewrite.RelativePath))))));
            editor.ReplaceNode(invocation, call.WithTriviaFrom(invocation).WithAdditionalAnnotations(Formatter.Annotation));
        }

        /// <summary>EC2InstanceMetadata.GetData resolves a path relative to /latest/meta-data.</summary>
        private static string? MetadataRelativePath(string url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
            {
                return null;
            }

            // The SDK talks to its configured endpoint (IPv4 unless the environment says otherwise).
            if (uri.Host != "169.254.169.254")
            {
                return null;
            }

            var path = uri.AbsolutePath;
            if (!path.StartsWith(MetadataPrefix + "/", StringComparison.Ordinal) || path.Length == MetadataPrefix.Length + 1)
            {
                return null;
            }

            return path.Substring(MetadataPrefix.Length);
        }
    }

    internal sealed class SdkRewrite
    {
        public SdkRewrite(string relativePath, bool isAsync)
        {
            RelativePath = relativePath;
            IsAsync = isAsync;
        }

        public string RelativePath { get; }

        public bool IsAsync { get; }
    }
}
