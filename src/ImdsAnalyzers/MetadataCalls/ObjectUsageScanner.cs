using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using ImdsAnalyzers.Flow;

namespace ImdsAnalyzers.MetadataCalls
{
    /// <summary>
    /// Collects what is done to a request or client object before it sends: headers attached through
    /// <c>Headers</c>/<c>DefaultRequestHeaders</c> (Add, TryAddWithoutValidation, Set, indexer, collection
    /// initializer), <c>Method</c>, <c>RequestUri</c> and <c>BaseAddress</c>, and whether it escapes to code
    /// that could attach headers unseen.
    /// </summary>
    internal sealed class ObjectUsageScanner
    {
        private readonly KnownHttpTypes _types;
        private readonly UrlValueResolver _resolver;

        public ObjectUsageScanner(KnownHttpTypes types, UrlValueResolver resolver)
        {
            _types = types;
            _resolver = resolver;
        }

        private ValueTracer Tracer => _resolver.Tracer;

        /// <summary>Scans the object that <paramref name="expression"/> evaluates to when <paramref name="send"/> runs.</summary>
        public TrackedObject Scan(IOperation expression, IOperation send)
        {
            var tracked = new TrackedObject();
            var target = ValueTracer.Unwrap(expression);
            if (target is IConditionalAccessInstanceOperation)
            {
                // http?.GetStringAsync(...): the object is the operand of the nearest conditional access.
                for (var parent = target.Parent; parent != null; parent = parent.Parent)
                {
                    if (parent is IConditionalAccessOperation access)
                    {
                        target = ValueTracer.Unwrap(access.Operation);
                        break;
                    }
                }
            }

            var symbol = ValueTracer.ReferencedSymbol(target);
            if (symbol is null)
            {
                SetOrigin(tracked, target);
                return tracked;
            }

            tracked.Symbol = symbol;
            var traced = Tracer.Trace(target);
            if (traced != null)
            {
                SetOrigin(tracked, traced);
            }

            var index = Tracer.IndexFor(target);
            if ((symbol is IFieldSymbol || symbol is IPropertySymbol) && target.SemanticModel is SemanticModel model)
            {
                MergeSetUp(tracked, Tracer.Cache.TrackedSetUpOf(symbol, member => ScanSetUp(member, model)), index.Root.Syntax);
            }

            // Uses in this body between the creation (when it is here) and the send.
            var from = tracked.Creation != null && tracked.Creation.Root() == index.Root ? tracked.Creation.Syntax.Span.End : -1;
            var sendStart = send.Syntax.SpanStart;
            foreach (var reference in index.ReferencesTo(symbol))
            {
                var start = reference.Syntax.SpanStart;
                if (start >= from && start < sendStart && !IsWithin(reference, send))
                {
                    ClassifyUse(tracked, reference, send);
                }
            }

            return tracked;
        }

        /// <summary>
        /// A field or property's set-up outside any one body: all uses in constructors, and header set-up in the
        /// type's other methods. Cached per member, so a type with many senders scans its methods once.
        /// </summary>
        private TrackedObject ScanSetUp(ISymbol member, SemanticModel model)
        {
            var setUp = new TrackedObject { Symbol = member };
            foreach (var use in Tracer.MemberUses(member, model))
            {
                if (use.InConstructor)
                {
                    ClassifyUse(setUp, use.Reference, send: null);
                }
                else if (use.Reference.Parent is IPropertyReferenceOperation headers)
                {
                    ClassifyHeadersUse(setUp, headers);
                }
            }

            return setUp;
        }

        /// <summary>Adds the member's set-up, leaving out what lies in the body being analysed: that body is scanned up to the send.</summary>
        private static void MergeSetUp(TrackedObject tracked, TrackedObject setUp, SyntaxNode body)
        {
            foreach (var header in setUp.Headers)
            {
                if (!IsInside(header.Source.Syntax, body))
                {
                    tracked.Headers.Add(header);
                }
            }

            tracked.MayHaveHiddenHeaders |= setUp.MayHaveHiddenHeaders;
            if (setUp.MethodAssignment != null && !IsInside(setUp.MethodAssignment.Syntax, body))
            {
                tracked.MethodValue = setUp.MethodValue;
                tracked.MethodAssignment = setUp.MethodAssignment;
            }

            if (setUp.AddressValue != null && !IsInside(setUp.AddressValue.Syntax, body))
            {
                tracked.AddressValue = setUp.AddressValue;
            }
        }

        private static bool IsInside(SyntaxNode node, SyntaxNode container) =>
            node.SyntaxTree == container.SyntaxTree && container.Span.Contains(node.Span);

        /// <summary>True for <c>WebRequest.Create/CreateHttp/CreateDefault</c>, which make a request for a URL.</summary>
        public bool IsWebRequestFactory(IMethodSymbol method) =>
            method.IsStatic
            && (method.Name == "Create" || method.Name == "CreateHttp" || method.Name == "CreateDefault")
            && method.ContainingType.IsOrDerivesFrom(_types.WebRequest);

        private void SetOrigin(TrackedObject tracked, IOperation value)
        {
            switch (value)
            {
                case IObjectCreationOperation _:
                    tracked.Creation = value;
                    ScanCreation(tracked);
                    break;
                case IInvocationOperation factory when IsWebRequestFactory(factory.TargetMethod):
                    tracked.Creation = value;
                    break;
                case IInvocationOperation factory when factory.TargetMethod.Name == "CreateClient":
                    // IHttpClientFactory clients run the handlers configured for them, which may add the token.
                    tracked.Creation = value;
                    tracked.MayHaveHiddenHeaders = true;
                    break;
                default:
                    // Made by other code (a helper, an await, a conditional): it may come with headers. A bare
                    // parameter or a library property is different: nothing suggests headers, so it stays open.
                    if (ValueTracer.ReferencedSymbol(value) is null && !(value is IInstanceReferenceOperation))
                    {
                        tracked.MayHaveHiddenHeaders = true;
                    }

                    break;
            }
        }

        private static bool IsWithin(IOperation operation, IOperation? container)
        {
            if (container is null)
            {
                return false;
            }

            for (var current = operation; current != null; current = current.Parent)
            {
                if (current == container)
                {
                    return true;
                }
            }

            return false;
        }

        private void ScanCreation(TrackedObject tracked)
        {
            if (tracked.Creation is IObjectCreationOperation creation)
            {
                ScanConstructorArguments(tracked, creation);
                if (creation.Initializer != null)
                {
                    ScanInitializer(tracked, creation.Initializer);
                }
            }
        }

        private void ScanConstructorArguments(TrackedObject tracked, IObjectCreationOperation creation)
        {
            foreach (var argument in creation.Arguments)
            {
                var parameter = argument.Parameter;
                if (parameter is null)
                {
                    continue;
                }

                if (parameter.Type.Name == "HttpMessageHandler" && !IsPlainHandler(argument.Value))
                {
                    tracked.MayHaveHiddenHeaders = true;
                }
                else if (parameter.Name == "method")
                {
                    tracked.MethodValue = argument.Value;
                    tracked.MethodAssignment = argument;
                }
                else if (parameter.Name == "requestUri")
                {
                    tracked.AddressValue = argument.Value;
                }
            }
        }

        /// <summary>A handler that only sends, so it cannot be what adds the token.</summary>
        private bool IsPlainHandler(IOperation value)
        {
            var traced = Tracer.Trace(value) ?? ValueTracer.Unwrap(value);
            var type = traced.Type;
            return type != null
                && (SymbolEqualityComparer.Default.Equals(type, _types.HttpClientHandler) || SymbolEqualityComparer.Default.Equals(type, _types.SocketsHttpHandler));
        }

        private void ScanInitializer(TrackedObject tracked, IObjectOrCollectionInitializerOperation initializer)
        {
            foreach (var item in initializer.Initializers)
            {
                switch (item)
                {
                    case IMemberInitializerOperation member when IsHeadersProperty(member.InitializedMember):
                        ScanHeaderCollectionInitializer(tracked, member.Initializer);
                        break;
                    case ISimpleAssignmentOperation assignment when assignment.Target is IPropertyReferenceOperation property:
                        ClassifyPropertyAssignment(tracked, property, assignment);
                        break;
                }
            }
        }

        private void ScanHeaderCollectionInitializer(TrackedObject tracked, IObjectOrCollectionInitializerOperation? initializer)
        {
            if (initializer is null)
            {
                return;
            }

            foreach (var element in initializer.Initializers)
            {
                switch (element)
                {
                    case IInvocationOperation call:
                        AddHeaderCall(tracked, call, inInitializer: true);
                        break;
                    case ISimpleAssignmentOperation assignment when assignment.Target is IPropertyReferenceOperation indexer && indexer.Property.IsIndexer:
                        AddIndexer(tracked, indexer, assignment, inInitializer: true);
                        break;
                }
            }
        }

        private void ClassifyPropertyAssignment(TrackedObject tracked, IPropertyReferenceOperation property, ISimpleAssignmentOperation assignment)
        {
            switch (property.Property.Name)
            {
                case "Method":
                    tracked.MethodValue = assignment.Value;
                    tracked.MethodAssignment = assignment;
                    break;
                case "RequestUri":
                case "BaseAddress":
                    tracked.AddressValue = assignment.Value;
                    break;
                case "Headers":
                case "DefaultRequestHeaders":
                    ScanReplacedHeaders(tracked, assignment.Value);
                    break;
            }
        }

        // Headers = new WebHeaderCollection { { name, value } }: a new collection replaces the old one; any other value
        // may carry headers nobody can see.
        private void ScanReplacedHeaders(TrackedObject tracked, IOperation value)
        {
            if (ValueTracer.Unwrap(value) is IObjectCreationOperation collection && collection.Initializer != null)
            {
                ScanHeaderCollectionInitializer(tracked, collection.Initializer);
            }
            else
            {
                tracked.MayHaveHiddenHeaders = true;
            }
        }

        private void ClassifyUse(TrackedObject tracked, IOperation reference, IOperation? send)
        {
            var parent = reference.Parent;
            switch (parent)
            {
                case IPropertyReferenceOperation property when property.Instance == reference:
                    if (IsHeadersProperty(property))
                    {
                        ClassifyHeadersUse(tracked, property);
                    }
                    else if (property.Parent is ISimpleAssignmentOperation assignment && assignment.Target == property)
                    {
                        ClassifyPropertyAssignment(tracked, property, assignment);
                    }

                    break;
                case IArgumentOperation argument when !IsWithin(argument, send) && !IsSessionTokenHelperCall(argument):
                    // Handed to other code, which may add headers.
                    tracked.MayHaveHiddenHeaders = true;
                    break;
                case ISimpleAssignmentOperation alias when alias.Value == reference:
                case IVariableInitializerOperation _:
                    tracked.MayHaveHiddenHeaders = true;
                    break;
            }
        }

        /// <summary>
        /// The helper the IMDS001 fix adds sends its own token and leaves no header behind on the
        /// client, so handing a client to it hides nothing; without this, fixing one call would
        /// silence the warnings on the calls after it.
        /// </summary>
        private static bool IsSessionTokenHelperCall(IArgumentOperation argument) =>
            argument.Parent is IInvocationOperation call
            && call.TargetMethod.ContainingType is { Name: SessionTokenHelper.ClassName, IsStatic: true };

        private void ClassifyHeadersUse(TrackedObject tracked, IPropertyReferenceOperation headers)
        {
            switch (headers.Parent)
            {
                case IInvocationOperation call when call.Instance == headers:
                    AddHeaderCall(tracked, call, inInitializer: false);
                    break;
                case IPropertyReferenceOperation indexer when indexer.Instance == headers && indexer.Property.IsIndexer:
                    if (indexer.Parent is ISimpleAssignmentOperation indexerAssignment && indexerAssignment.Target == indexer)
                    {
                        AddIndexer(tracked, indexer, indexerAssignment, inInitializer: false);
                    }

                    break;
                case ISimpleAssignmentOperation assignment when assignment.Target == headers:
                    ScanReplacedHeaders(tracked, assignment.Value);
                    break;
                case IArgumentOperation _:
                case IVariableInitializerOperation _:
                case ISimpleAssignmentOperation _:
                    tracked.MayHaveHiddenHeaders = true;
                    break;
            }
        }

        private void AddHeaderCall(TrackedObject tracked, IInvocationOperation call, bool inInitializer)
        {
            var method = call.TargetMethod;
            if (method.Name != "Add" && method.Name != "TryAddWithoutValidation" && method.Name != "Set")
            {
                return;
            }

            var parameters = method.Parameters;
            if (parameters.Length == 0 || !_types.IsString(parameters[0].Type))
            {
                // Add(HttpRequestHeader, value) names a standard header; Add(collection) copies unknown ones.
                if (parameters.Length == 1)
                {
                    tracked.MayHaveHiddenHeaders = true;
                }

                return;
            }

            var nameOperation = OperationArguments.ValueAt(call, 0);
            if (parameters.Length >= 2)
            {
                var valueOperation = OperationArguments.ValueAt(call, 1);
                AddHeader(tracked, _resolver.Resolve(nameOperation), ResolveHeaderValue(valueOperation), valueOperation, call, HeaderAttachmentForm.Call, inInitializer);
                return;
            }

            // WebHeaderCollection.Add("Name: value").
            var combined = _resolver.Resolve(nameOperation);
            var colon = combined.IsKnown ? combined.Text.IndexOf(':') : -1;
            if (colon < 0)
            {
                tracked.MayHaveHiddenHeaders = true;
                return;
            }

            var valueText = combined.Text.Substring(colon + 1).Trim();
            var value = combined.IsComplete ? ResolvedText.Complete(valueText) : ResolvedText.Prefix(valueText);
            AddHeader(tracked, ResolvedText.Complete(combined.Text.Substring(0, colon)), value, nameOperation, call, HeaderAttachmentForm.CombinedCall, inInitializer);
        }

        private void AddIndexer(TrackedObject tracked, IPropertyReferenceOperation indexer, ISimpleAssignmentOperation assignment, bool inInitializer)
        {
            if (indexer.Arguments.Length != 1 || !_types.IsString(indexer.Arguments[0].Value.Type))
            {
                return;
            }

            AddHeader(tracked, _resolver.Resolve(indexer.Arguments[0].Value), _resolver.Resolve(assignment.Value), assignment.Value, assignment, HeaderAttachmentForm.Indexer, inInitializer);
        }

        private static void AddHeader(TrackedObject tracked, ResolvedText name, ResolvedText value, IOperation? valueOperation, IOperation source, HeaderAttachmentForm form, bool inInitializer)
        {
            if (!name.IsComplete)
            {
                // Could be the token header under a name computed at run time.
                tracked.MayHaveHiddenHeaders = true;
            }

            tracked.Headers.Add(new HeaderAttachment(name.IsComplete ? name.Text.Trim() : null, value, valueOperation, source, form, inInitializer));
        }

        /// <summary>A header value, also when given as a one-element list (<c>new[] { "60" }</c>).</summary>
        private ResolvedText ResolveHeaderValue(IOperation? value)
        {
            if (value != null && ValueTracer.Unwrap(value) is IArrayCreationOperation array
                && array.Initializer != null && array.Initializer.ElementValues.Length == 1)
            {
                return _resolver.Resolve(array.Initializer.ElementValues[0]);
            }

            return _resolver.Resolve(value);
        }

        private static bool IsHeadersProperty(IOperation operation) =>
            operation is IPropertyReferenceOperation property
            && (property.Property.Name == "Headers" || property.Property.Name == "DefaultRequestHeaders");
    }
}
