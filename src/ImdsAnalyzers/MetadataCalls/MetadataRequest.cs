using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ImdsAnalyzers.MetadataCalls
{
    /// <summary>
    /// One request to the metadata service as the analysis sees it at the sending call: where it goes,
    /// with which method, and which headers the request and its client carry. The code fixes work from
    /// the same model, so what they edit is exactly what the analyzer judged.
    /// </summary>
    internal sealed class MetadataRequest
    {
        public MetadataRequest(IInvocationOperation send, SenderKind kind, ResolvedText url, MetadataUrlMatch match)
        {
            Send = send;
            Kind = kind;
            Url = url;
            Match = match;
        }

        /// <summary>The call that sends the request; both rules report on its syntax.</summary>
        public IInvocationOperation Send { get; }

        public SenderKind Kind { get; }

        /// <summary>"TypeName.MethodName" of the sender, e.g. "HttpClient.GetStringAsync".</summary>
        public string SenderDisplayName => Send.TargetMethod.ContainingType.Name + "." + Send.TargetMethod.Name;

        /// <summary>The URL, or its known start.</summary>
        public ResolvedText Url { get; }

        public MetadataUrlMatch Match { get; }

        /// <summary>The URL argument of HttpClient helpers and WebClient methods; null for Send and GetResponse.</summary>
        public IOperation? UrlArgument { get; set; }

        /// <summary>Upper-case HTTP method, or null when it is not known at compile time.</summary>
        public string? Method { get; set; }

        /// <summary>
        /// Where the method is written: the HttpMethod or string expression (constructor argument, method
        /// argument of a WebClient upload, or the value of a Method assignment). Null when the sender implies it.
        /// </summary>
        public IOperation? MethodExpression { get; set; }

        /// <summary>The HttpRequestMessage or WebRequest, when the sender takes one.</summary>
        public TrackedObject? Request { get; set; }

        /// <summary>The HttpClient, HttpMessageInvoker or WebClient that sends.</summary>
        public TrackedObject? Client { get; set; }

        public bool MayHaveHiddenHeaders => (Request?.MayHaveHiddenHeaders ?? false) || (Client?.MayHaveHiddenHeaders ?? false);

        /// <summary>The first header so named on the request, then on the client.</summary>
        public HeaderAttachment? FindHeader(Func<string?, bool> isName) => Find(Request, isName) ?? Find(Client, isName);

        private static HeaderAttachment? Find(TrackedObject? tracked, Func<string?, bool> isName)
        {
            if (tracked != null)
            {
                foreach (var header in tracked.Headers)
                {
                    if (isName(header.Name))
                    {
                        return header;
                    }
                }
            }

            return null;
        }

        public bool HasHeader(Func<string?, bool> isName) => FindHeader(isName) != null;

        /// <summary>IMDS001: a data request without a session token.</summary>
        public bool IsTokenlessDataRequest()
        {
            if (!SenderTable.ReadsMetadata(Kind))
            {
                return false;
            }

            switch (Match.Kind)
            {
                case MetadataPathKind.Data:
                    break;
                case MetadataPathKind.PossibleToken:
                    // "/latest/" + unknown: a PUT or a TTL header means it is the token request.
                    if (Method == "PUT" || HasHeader(MetadataHeaders.IsTokenTtl))
                    {
                        return false;
                    }

                    break;
                default:
                    return false;
            }

            return !MayHaveHiddenHeaders && !HasHeader(MetadataHeaders.IsToken);
        }
    }
}
