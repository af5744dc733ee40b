using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using ImdsAnalyzers.Flow;

namespace ImdsAnalyzers.MetadataCalls
{
    /// <summary>
    /// Builds the <see cref="MetadataRequest"/> of a sending call, or nothing when the call does not go to
    /// the EC2 metadata service. The URL is resolved first because it rules out almost every sender;
    /// headers are scanned only for metadata requests.
    /// </summary>
    internal sealed class MetadataRequestBuilder
    {
        private readonly KnownHttpTypes _types;
        private readonly UrlValueResolver _resolver;
        private readonly ObjectUsageScanner _scanner;

        public MetadataRequestBuilder(KnownHttpTypes types, BodyIndex.Cache cache, CancellationToken cancellationToken)
        {
            _types = types;
            _resolver = new UrlValueResolver(types, new ValueTracer(cache, cancellationToken));
            _scanner = new ObjectUsageScanner(types, _resolver);
        }

        /// <summary>Convenience for the code fixes: classifies the call and builds its request in one step.</summary>
        public static MetadataRequest? TryBuild(IInvocationOperation send, KnownHttpTypes types, CancellationToken cancellationToken)
        {
            var kind = SenderTable.Classify(send.TargetMethod, types);
            return kind == SenderKind.None ? null : new MetadataRequestBuilder(types, new BodyIndex.Cache(), cancellationToken).TryBuild(send, kind);
        }

        public MetadataRequest? TryBuild(IInvocationOperation send, SenderKind kind)
        {
            TrackedObject? request = null;
            TrackedObject? client = null;
            IOperation? urlArgument = null;
            ResolvedText url;

            switch (kind)
            {
                case SenderKind.MessageSend:
                    var requestArgument = OperationArguments.ValueAt(send, 0);
                    if (requestArgument is null || !requestArgument.Type.IsOrDerivesFrom(_types.RequestMessage))
                    {
                        return null;
                    }

                    request = _scanner.Scan(requestArgument, send);
                    url = request.AddressValue != null ? _resolver.Resolve(request.AddressValue) : request.IsOriginUnknown ? ResolvedText.Unknown : ResolvedText.Null;
                    break;
                case SenderKind.WebRequestResponse:
                    if (send.Instance is null)
                    {
                        return null;
                    }

                    request = _scanner.Scan(send.Instance, send);
                    url = request.Creation is IInvocationOperation factory && _scanner.IsWebRequestFactory(factory.TargetMethod)
                        ? _resolver.Resolve(OperationArguments.ValueAt(factory, 0))
                        : ResolvedText.Unknown;
                    break;
                default:
                    urlArgument = OperationArguments.ValueAt(send, 0);
                    if (urlArgument is null || !(_types.IsString(urlArgument.Type) || _types.IsUri(urlArgument.Type) || urlArgument.Type is null))
                    {
                        return null;
                    }

                    url = _resolver.Resolve(urlArgument);
                    break;
            }

            // A relative or unknown address goes to the client's BaseAddress (HttpClient and WebClient).
            if (kind != SenderKind.WebRequestResponse && send.Instance != null && (!url.IsKnown || UrlCombiner.IsRelativeOrNull(url)))
            {
                client = _scanner.Scan(send.Instance, send);
                if (client.AddressValue != null)
                {
                    url = UrlCombiner.Combine(_resolver.Resolve(client.AddressValue), url);
                }
            }

            if (!url.IsKnown || !MetadataEndpoint.TryMatch(url.Text, url.IsComplete, out var match) || match.Kind == MetadataPathKind.None)
            {
                return null;
            }

            if (client is null && kind != SenderKind.WebRequestResponse && send.Instance != null)
            {
                client = _scanner.Scan(send.Instance, send);
            }

            var result = new MetadataRequest(send, kind, url, match)
            {
                Request = request,
                Client = client,
                UrlArgument = urlArgument,
            };
            ResolveMethod(result);
            return result;
        }

        private void ResolveMethod(MetadataRequest request)
        {
            switch (request.Kind)
            {
                case SenderKind.HttpClientGet:
                case SenderKind.WebClientRead:
                    request.Method = "GET";
                    return;
                case SenderKind.HttpClientOther:
                    var name = request.Send.TargetMethod.Name;
                    request.Method = name.Substring(0, name.Length - "Async".Length).ToUpperInvariant();
                    return;
                case SenderKind.WebClientOpenWrite:
                case SenderKind.WebClientUpload:
                    var methodArgument = OperationArguments.Explicit(request.Send, "method")?.Value;
                    request.MethodExpression = methodArgument;
                    request.Method = methodArgument is null ? "POST" : Upper(_resolver.Resolve(methodArgument));
                    return;
                case SenderKind.MessageSend:
                case SenderKind.WebRequestResponse:
                    // HttpRequestMessage and WebRequest both default to GET.
                    var target = request.Request!;
                    var value = target.MethodValue;
                    request.MethodExpression = value;
                    request.Method = value is null
                        ? (target.IsOriginUnknown ? null : "GET")
                        : request.Kind == SenderKind.MessageSend ? HttpMethodName(value) : Upper(_resolver.Resolve(value));
                    return;
            }
        }

        /// <summary>HttpMethod.Put, new HttpMethod("PUT"), HttpMethod.Parse("PUT"), or a local holding one.</summary>
        private string? HttpMethodName(IOperation value)
        {
            var traced = _resolver.Tracer.Trace(value);
            switch (traced)
            {
                case IPropertyReferenceOperation property when property.Property.IsStatic && SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, _types.HttpMethod):
                    return property.Property.Name.ToUpperInvariant();
                case IObjectCreationOperation creation when SymbolEqualityComparer.Default.Equals(creation.Type, _types.HttpMethod):
                    return Upper(_resolver.Resolve(OperationArguments.ValueAt(creation.Arguments, 0)));
                case IInvocationOperation parse when parse.TargetMethod.Name == "Parse" && SymbolEqualityComparer.Default.Equals(parse.TargetMethod.ContainingType, _types.HttpMethod):
                    return Upper(_resolver.Resolve(OperationArguments.ValueAt(parse.Arguments, 0)));
                default:
                    return null;
            }
        }

        private static string? Upper(ResolvedText text) => text.IsComplete ? text.Text.Trim().ToUpperInvariant() : null;
    }
}
