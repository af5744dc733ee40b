using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ImdsAnalyzers.MetadataCalls;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace ImdsAnalyzers.CodeFixes.MetadataCalls
{
    /// <summary>
    /// Repairs one malformed token request: makes it a PUT, gives it a TTL header (21600 when missing or out
    /// of range), removes X-Forwarded-For, and moves a dated path to /latest. Everything else stays. The whole
    /// repair is planned before anything is edited; a shape that cannot be repaired safely gets no fix.
    /// </summary>
    internal sealed class TokenRequestFix
    {
        private readonly SemanticModel _model;
        private readonly MetadataRequest _request;
        private readonly TokenRequestProblems _problems;
        private readonly SyntaxTree _tree;
        private readonly List<Action<SyntaxEditor>> _edits = new List<Action<SyntaxEditor>>();

        // Edits to the request's object creation are merged into one, applied after edits inside it.
        private BaseObjectCreationExpressionSyntax? _creation;
        private bool _addMethod;
        private bool _addTtl;

        private TokenRequestFix(SemanticModel model, MetadataRequest request, TokenRequestProblems problems)
        {
            _model = model;
            _request = request;
            _problems = problems;
            _tree = model.SyntaxTree;
        }

        private bool Has(TokenRequestProblems problem) => (_problems & problem) != 0;

        private InvocationExpressionSyntax SendSyntax => (InvocationExpressionSyntax)_request.Send.Syntax;

        public static async Task<Document?> TryApplyAsync(Document document, SyntaxNode node, CancellationToken cancellationToken)
        {
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (model is null || !(node is InvocationExpressionSyntax invocation))
            {
                return null;
            }

            var fix = TryPlan(model, invocation, cancellationToken);
            return fix is null ? null : await fix.ApplyAsync(document, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Applies the planned edits to the document the plan was made from.</summary>
        public async Task<Document> ApplyAsync(Document document, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            foreach (var edit in _edits)
            {
                edit(editor);
            }

            return editor.GetChangedDocument();
        }

        public static TokenRequestFix? TryPlan(SemanticModel model, InvocationExpressionSyntax send, CancellationToken cancellationToken)
        {
            var types = KnownHttpTypes.TryCreate(model.Compilation);
            if (types is null || !(model.GetOperation(send, cancellationToken) is IInvocationOperation operation))
            {
                return null;
            }

            var request = MetadataRequestBuilder.TryBuild(operation, types, cancellationToken);
            if (request is null)
            {
                return null;
            }

            var problems = TokenRequestCheck.Find(request);
            if (problems == TokenRequestProblems.None)
            {
                return null;
            }

            var fix = new TokenRequestFix(model, request, problems);
            return fix.TryPlan() && !fix.TouchesBrokenCode(cancellationToken) ? fix : null;
        }

        /// <summary>A request that does not compile is left alone: its meaning, and so the repair, is a guess.</summary>
        private bool TouchesBrokenCode(CancellationToken cancellationToken)
        {
            var spans = new List<Microsoft.CodeAnalysis.Text.TextSpan> { SendSyntax.Span };
            if (_request.Request?.Creation?.Syntax is SyntaxNode creation && InTree(creation))
            {
                spans.Add(creation.Span);
            }

            foreach (var span in spans)
            {
                foreach (var diagnostic in _model.GetDiagnostics(span, cancellationToken))
                {
                    if (diagnostic.Severity == DiagnosticSeverity.Error)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private bool TryPlan()
        {
            bool planned;
            switch (_request.Kind)
            {
                case SenderKind.HttpClientGet:
                case SenderKind.HttpClientOther:
                    planned = PlanHttpClientHelper();
                    break;
                case SenderKind.MessageSend:
                    planned = PlanRequestMessage();
                    break;
                case SenderKind.WebRequestResponse:
                    planned = PlanWebRequest();
                    break;
                default:
                    planned = PlanWebClient();
                    break;
            }

            if (!planned
                || (Has(TokenRequestProblems.TtlOutOfRange) && !PlanTtlValue())
                || (Has(TokenRequestProblems.ForwardedFor) && !PlanRemoveForwardedFor()))
            {
                return false;
            }

            if (_creation != null && (_addMethod || _addTtl))
            {
                var creation = _creation;
                var addMethod = _addMethod;
                var addTtl = _addTtl;
                _edits.Add(editor => editor.ReplaceNode(creation, (current, _) => CreationInitializer.Complete((BaseObjectCreationExpressionSyntax)current, addMethod, addTtl)));
            }

            return _edits.Count > 0;
        }

        // HttpClient.GetStringAsync/GetAsync/PutAsync/...: becomes SendAsync with a PUT request message.
        private bool PlanHttpClientHelper()
        {
            if (!(_request.UrlArgument?.Syntax is ExpressionSyntax urlSyntax) || !InTree(urlSyntax))
            {
                return false;
            }

            if (!Has(TokenRequestProblems.Method) && !Has(TokenRequestProblems.MissingTtl))
            {
                return !Has(TokenRequestProblems.DatedPath) || ReplaceUrl(urlSyntax);
            }

            var send = SendSyntax;
            var url = Has(TokenRequestProblems.DatedPath) ? FixedUrl(urlSyntax) : urlSyntax;
            ExpressionSyntax? content = null;
            var passThrough = new List<ArgumentSyntax>();
            foreach (var argument in _request.Send.Arguments)
            {
                if (argument.IsImplicit || !(argument.Syntax is ArgumentSyntax syntax) || argument.Parameter is null)
                {
                    continue;
                }

                switch (argument.Parameter.Name)
                {
                    case "content":
                        content = IsNullLiteral(syntax.Expression) ? null : syntax.Expression;
                        break;
                    case "completionOption":
                    case "cancellationToken":
                        passThrough.Add(syntax);
                        break;
                }
            }

            var arguments = new List<ArgumentSyntax> { Argument(TokenRequestSyntax.NewPutRequest(url, content, Has(TokenRequestProblems.MissingTtl))) };
            arguments.AddRange(passThrough);
            var renamed = Rename(send.Expression, "SendAsync");
            if (renamed is null)
            {
                return false;
            }

            var sendAsync = send.WithExpression(renamed).WithArgumentList(send.ArgumentList.WithArguments(SeparatedList(arguments)));
            var reader = ContentReader(_request.Send.TargetMethod.Name);
            if (reader is null)
            {
                // GetAsync, PutAsync, ...: SendAsync returns the same Task<HttpResponseMessage>.
                _edits.Add(editor => editor.ReplaceNode(send, sendAsync.WithTriviaFrom(send)));
                return true;
            }

            return PlanAwaitedBodyRead(send, sendAsync, reader);
        }

        /// <summary>
        /// <c>await http.GetStringAsync(url)</c> becomes
        /// <c>await (await http.SendAsync(request)).EnsureSuccessStatusCode().Content.ReadAsStringAsync()</c>,
        /// which keeps the result type and the exception on failure. Without an await there is no safe rewrite.
        /// </summary>
        private bool PlanAwaitedBodyRead(InvocationExpressionSyntax send, InvocationExpressionSyntax sendAsync, string reader)
        {
            if (send.Expression is MemberBindingExpressionSyntax)
            {
                return false;
            }

            ArgumentListSyntax? configureAwait = null;
            var parent = SkipParentheses(send.Parent);
            if (parent is MemberAccessExpressionSyntax access && access.Name.Identifier.ValueText == "ConfigureAwait"
                && access.Parent is InvocationExpressionSyntax configureCall && configureCall.ArgumentList.Arguments.Count == 1)
            {
                configureAwait = configureCall.ArgumentList;
                parent = SkipParentheses(configureCall.Parent);
            }

            if (!(parent is AwaitExpressionSyntax awaitExpression))
            {
                return false;
            }

            ExpressionSyntax inner = sendAsync.WithoutTrivia();
            if (configureAwait != null)
            {
                inner = InvocationExpression(MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, inner, IdentifierName("ConfigureAwait")), configureAwait.WithoutTrivia());
            }

            var readArguments = ArgumentList();
            var token = CancellationTokenArgument();
            // The token expression is evaluated a second time for the read, so only a plain one is repeated.
            if (token != null && IsPlainValue(token.Expression) && ContentReaderTakesToken(reader))
            {
                readArguments = ArgumentList(SingletonSeparatedList(Argument(token.Expression.WithoutTrivia())));
            }

            ExpressionSyntax read = InvocationExpression(
                MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    MemberAccessExpression(
                        SyntaxKind.SimpleMemberAccessExpression,
                        InvocationExpression(MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, ParenthesizedExpression(AwaitExpression(inner)), IdentifierName("EnsureSuccessStatusCode"))),
                        IdentifierName("Content")),
                    IdentifierName(reader)),
                readArguments);
            if (configureAwait != null)
            {
                read = InvocationExpression(MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, read, IdentifierName("ConfigureAwait")), configureAwait.WithoutTrivia());
            }

            var replacement = awaitExpression.WithExpression(read.WithAdditionalAnnotations(Formatter.Annotation)).WithTriviaFrom(awaitExpression);
            _edits.Add(editor => editor.ReplaceNode(awaitExpression, replacement));
            return true;
        }

        private ArgumentSyntax? CancellationTokenArgument() =>
            OperationArguments.Explicit(_request.Send, "cancellationToken")?.Syntax as ArgumentSyntax;

        private bool ContentReaderTakesToken(string reader)
        {
            var content = _model.Compilation.GetTypeByMetadataName("System.Net.Http.HttpContent");
            if (content is null)
            {
                return false;
            }

            foreach (var member in content.GetMembers(reader))
            {
                if (member is IMethodSymbol method && method.Parameters.Length == 1 && method.Parameters[0].Type.Name == nameof(CancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        private static string? ContentReader(string helper)
        {
            switch (helper)
            {
                case "GetStringAsync":
                    return "ReadAsStringAsync";
                case "GetByteArrayAsync":
                    return "ReadAsByteArrayAsync";
                case "GetStreamAsync":
                    return "ReadAsStreamAsync";
                default:
                    return null;
            }
        }

        // HttpClient/HttpMessageInvoker.SendAsync(request): edit the request message where it is made.
        private bool PlanRequestMessage()
        {
            var message = _request.Request!;
            var creation = message.Creation?.Syntax as BaseObjectCreationExpressionSyntax;
            if (creation != null && !InTree(creation))
            {
                creation = null;
            }

            if (Has(TokenRequestProblems.Method))
            {
                switch (message.MethodAssignment)
                {
                    case IArgumentOperation argument when argument.Value.Syntax is ExpressionSyntax value && InTree(value):
                        _edits.Add(editor => editor.ReplaceNode(value, TokenRequestSyntax.HttpMethodPut().WithTriviaFrom(value)));
                        break;
                    case ISimpleAssignmentOperation assignment when assignment.Value.Syntax is ExpressionSyntax value && InTree(value):
                        _edits.Add(editor => editor.ReplaceNode(value, TokenRequestSyntax.HttpMethodPut().WithTriviaFrom(value)));
                        break;
                    case null when creation != null:
                        _creation = creation;
                        _addMethod = true;
                        break;
                    default:
                        return false;
                }
            }

            if (Has(TokenRequestProblems.MissingTtl))
            {
                if (creation is null)
                {
                    return false;
                }

                _creation = creation;
                _addTtl = true;
            }

            if (Has(TokenRequestProblems.DatedPath))
            {
                if (!(message.AddressValue?.Syntax is ExpressionSyntax address) || !InTree(address) || !ReplaceUrl(address))
                {
                    return false;
                }
            }

            return true;
        }

        // WebRequest.Create(url) ... GetResponse(): set Method and the TTL header right after the request is made.
        private bool PlanWebRequest()
        {
            var webRequest = _request.Request!;
            var inserted = new List<StatementSyntax>();
            if (Has(TokenRequestProblems.Method))
            {
                if (webRequest.MethodAssignment is ISimpleAssignmentOperation assignment && assignment.Value.Syntax is ExpressionSyntax value && InTree(value))
                {
                    _edits.Add(editor => editor.ReplaceNode(value, TokenRequestSyntax.String("PUT").WithTriviaFrom(value)));
                }
                else
                {
                    inserted.Add(TokenRequestSyntax.SetWebRequestMethod(IdentifierName(webRequest.Symbol?.Name ?? string.Empty)));
                }
            }

            if (Has(TokenRequestProblems.MissingTtl))
            {
                inserted.Add(TokenRequestSyntax.SetTtlHeader(IdentifierName(webRequest.Symbol?.Name ?? string.Empty)));
            }

            if (inserted.Count > 0)
            {
                // Only a local made by WebRequest.Create in a statement of its own can take new statements after it.
                if (!(webRequest.Symbol is ILocalSymbol) || webRequest.Creation is null
                    || !(webRequest.Creation.Syntax.FirstAncestorOrSelf<StatementSyntax>() is StatementSyntax statement)
                    || !InTree(statement) || !IsInStatementList(statement) || statement.Span.Contains(SendSyntax.Span))
                {
                    return false;
                }

                _edits.Add(editor => editor.InsertAfter(statement, inserted));
            }

            if (Has(TokenRequestProblems.DatedPath))
            {
                var factory = webRequest.Creation as IInvocationOperation;
                var address = factory is null ? null : OperationArguments.ValueAt(factory, 0)?.Syntax as ExpressionSyntax;
                if (address is null || !InTree(address) || !ReplaceUrl(address))
                {
                    return false;
                }
            }

            return true;
        }

        // WebClient: Download* becomes Upload*(url, "PUT", empty); the TTL header is set just before the call.
        private bool PlanWebClient()
        {
            var send = SendSyntax;
            if (!(_request.UrlArgument?.Syntax is ExpressionSyntax urlSyntax) || !InTree(urlSyntax))
            {
                return false;
            }

            var rebuilt = false;
            if (Has(TokenRequestProblems.Method))
            {
                if (_request.MethodExpression?.Syntax is ExpressionSyntax method && InTree(method))
                {
                    _edits.Add(editor => editor.ReplaceNode(method, TokenRequestSyntax.String("PUT").WithTriviaFrom(method)));
                }
                else
                {
                    var replacement = WebClientPutCall(send, urlSyntax);
                    if (replacement is null)
                    {
                        return false;
                    }

                    rebuilt = true;
                    _edits.Add(editor => editor.ReplaceNode(send, replacement.WithTriviaFrom(send)));
                }
            }

            if (Has(TokenRequestProblems.MissingTtl))
            {
                if (!(send.Expression is MemberAccessExpressionSyntax access) || !IsStableReceiver(access.Expression)
                    || !(send.FirstAncestorOrSelf<StatementSyntax>() is StatementSyntax statement) || !IsInStatementList(statement))
                {
                    return false;
                }

                var setTtl = TokenRequestSyntax.SetTtlHeader(access.Expression);
                _edits.Add(editor => editor.InsertBefore(statement, setTtl));
            }

            return rebuilt || !Has(TokenRequestProblems.DatedPath) || ReplaceUrl(urlSyntax);
        }

        /// <summary>The same WebClient call as a PUT: Download* to Upload* with an empty body, Upload*/OpenWrite* with "PUT" added.</summary>
        private InvocationExpressionSyntax? WebClientPutCall(InvocationExpressionSyntax send, ExpressionSyntax urlSyntax)
        {
            var name = _request.Send.TargetMethod.Name;
            var arguments = send.ArgumentList.Arguments;
            foreach (var argument in arguments)
            {
                if (argument.NameColon != null)
                {
                    return null;
                }
            }

            var url = Has(TokenRequestProblems.DatedPath) ? FixedUrl(urlSyntax) : urlSyntax;
            var put = Argument(TokenRequestSyntax.String("PUT"));
            string newName;
            var newArguments = new List<ArgumentSyntax> { Argument(url) };
            switch (name)
            {
                case "DownloadString":
                case "DownloadStringTaskAsync":
                    newName = name.Replace("Download", "Upload");
                    newArguments.Add(put);
                    newArguments.Add(Argument(TokenRequestSyntax.String(string.Empty)));
                    break;
                case "DownloadData":
                case "DownloadDataTaskAsync":
                    newName = name.Replace("Download", "Upload");
                    newArguments.Add(put);
                    newArguments.Add(Argument(ParseExpression("new byte[0]")));
                    break;
                default:
                    if (_request.Kind != SenderKind.WebClientUpload && _request.Kind != SenderKind.WebClientOpenWrite)
                    {
                        // DownloadFile, OpenRead and the event-based Download*Async have no PUT counterpart with the same result.
                        return null;
                    }

                    newName = name;
                    newArguments.Add(put);
                    for (var i = 1; i < arguments.Count; i++)
                    {
                        newArguments.Add(arguments[i]);
                    }

                    break;
            }

            if (arguments.Count != 1 && newName != name)
            {
                return null;
            }

            var renamed = Rename(send.Expression, newName);
            return renamed is null ? null : send.WithExpression(renamed).WithArgumentList(send.ArgumentList.WithArguments(SeparatedList(newArguments)));
        }

        private bool PlanTtlValue()
        {
            var header = _request.FindHeader(MetadataHeaders.IsTokenTtl);
            if (header?.ValueOperation?.Syntax is not ExpressionSyntax value || !InTree(value))
            {
                return false;
            }

            var text = header.Form == HeaderAttachmentForm.CombinedCall
                ? MetadataHeaders.TokenTtlSeconds + ": " + MetadataHeaders.DefaultTtlSecondsText
                : MetadataHeaders.DefaultTtlSecondsText;
            _edits.Add(editor => editor.ReplaceNode(value, TokenRequestSyntax.String(text).WithTriviaFrom(value)));
            return true;
        }

        private bool PlanRemoveForwardedFor()
        {
            var removals = new List<SyntaxNode>();
            if (!CollectForwardedFor(_request.Request, removals) || !CollectForwardedFor(_request.Client, removals))
            {
                return false;
            }

            foreach (var node in removals)
            {
                _edits.Add(editor => editor.RemoveNode(node));
            }

            return removals.Count > 0;
        }

        private bool CollectForwardedFor(TrackedObject? tracked, List<SyntaxNode> removals)
        {
            if (tracked is null)
            {
                return true;
            }

            foreach (var header in tracked.Headers)
            {
                if (!MetadataHeaders.IsForwardedFor(header.Name))
                {
                    continue;
                }

                var source = header.Source.Syntax;
                if (!InTree(source))
                {
                    return false;
                }

                if (header.InInitializer)
                {
                    // The only element of "Headers = { ... }": drop the whole member.
                    if (source.Parent is InitializerExpressionSyntax collection && collection.Expressions.Count == 1
                        && collection.Parent is AssignmentExpressionSyntax member && member.Parent is InitializerExpressionSyntax)
                    {
                        removals.Add(member);
                    }
                    else
                    {
                        removals.Add(source);
                    }
                }
                else if (source.Parent is ExpressionStatementSyntax statement && IsInStatementList(statement))
                {
                    removals.Add(statement);
                }
                else
                {
                    // e.g. inside an if condition: removing it would change the code around it.
                    return false;
                }
            }

            return true;
        }

        private bool ReplaceUrl(ExpressionSyntax urlSyntax)
        {
            var replacement = FixedUrl(urlSyntax);
            _edits.Add(editor => editor.ReplaceNode(urlSyntax, replacement));
            return true;
        }

        private ExpressionSyntax FixedUrl(ExpressionSyntax urlSyntax)
        {
            var type = _model.GetTypeInfo(urlSyntax).Type;
            var asUri = type != null && type.Name == "Uri" && type.ContainingNamespace?.Name == "System";
            return TokenRequestSyntax.Url(MetadataEndpoint.ToLatestTokenUrl(_request.Url.Text), asUri).WithTriviaFrom(urlSyntax);
        }

        private bool InTree(SyntaxNode node) => node.SyntaxTree == _tree;

        private static bool IsInStatementList(StatementSyntax statement) =>
            statement.Parent is BlockSyntax || statement.Parent is SwitchSectionSyntax;

        private static bool IsStableReceiver(ExpressionSyntax receiver) =>
            receiver is IdentifierNameSyntax
            || (receiver is MemberAccessExpressionSyntax access && (access.Expression is ThisExpressionSyntax || access.Expression is IdentifierNameSyntax) && access.Name is IdentifierNameSyntax);

        private static bool IsPlainValue(ExpressionSyntax expression)
        {
            switch (expression)
            {
                case IdentifierNameSyntax _:
                case LiteralExpressionSyntax _:
                case DefaultExpressionSyntax _:
                    return true;
                case MemberAccessExpressionSyntax access:
                    return access.Name is IdentifierNameSyntax && (access.Expression is ThisExpressionSyntax || IsPlainValue(access.Expression));
                default:
                    return false;
            }
        }

        private static bool IsNullLiteral(ExpressionSyntax expression) =>
            expression.IsKind(SyntaxKind.NullLiteralExpression) || expression.IsKind(SyntaxKind.DefaultLiteralExpression);

        private static SyntaxNode? SkipParentheses(SyntaxNode? node)
        {
            while (node is ParenthesizedExpressionSyntax)
            {
                node = node.Parent;
            }

            return node;
        }

        private static ExpressionSyntax? Rename(ExpressionSyntax target, string name)
        {
            switch (target)
            {
                case MemberAccessExpressionSyntax access when access.Name is IdentifierNameSyntax:
                    return access.WithName(IdentifierName(name).WithTriviaFrom(access.Name));
                case MemberBindingExpressionSyntax binding when binding.Name is IdentifierNameSyntax:
                    return binding.WithName(IdentifierName(name).WithTriviaFrom(binding.Name));
                case IdentifierNameSyntax identifier:
                    return IdentifierName(name).WithTriviaFrom(identifier);
                default:
                    return null;
            }
        }
    }
}
