using Microsoft.CodeAnalysis;

namespace ImdsAnalyzers.MetadataCalls
{
    /// <summary>The HTTP types the metadata-call rules look at, resolved once per compilation.</summary>
    internal sealed class KnownHttpTypes
    {
        private KnownHttpTypes(Compilation compilation)
        {
            MessageInvoker = compilation.GetTypeByMetadataName("System.Net.Http.HttpMessageInvoker");
            HttpClient = compilation.GetTypeByMetadataName("System.Net.Http.HttpClient");
            RequestMessage = compilation.GetTypeByMetadataName("System.Net.Http.HttpRequestMessage");
            HttpMethod = compilation.GetTypeByMetadataName("System.Net.Http.HttpMethod");
            HttpClientHandler = compilation.GetTypeByMetadataName("System.Net.Http.HttpClientHandler");
            SocketsHttpHandler = compilation.GetTypeByMetadataName("System.Net.Http.SocketsHttpHandler");
            WebClient = compilation.GetTypeByMetadataName("System.Net.WebClient");
            WebRequest = compilation.GetTypeByMetadataName("System.Net.WebRequest");
            Uri = compilation.GetTypeByMetadataName("System.Uri");
            String = compilation.GetSpecialType(SpecialType.System_String);
        }

        public INamedTypeSymbol? MessageInvoker { get; }

        public INamedTypeSymbol? HttpClient { get; }

        public INamedTypeSymbol? RequestMessage { get; }

        public INamedTypeSymbol? HttpMethod { get; }

        public INamedTypeSymbol? HttpClientHandler { get; }

        public INamedTypeSymbol? SocketsHttpHandler { get; }

        public INamedTypeSymbol? WebClient { get; }

        public INamedTypeSymbol? WebRequest { get; }

        public INamedTypeSymbol? Uri { get; }

        public INamedTypeSymbol String { get; }

        /// <summary>Null when the compilation references none of the senders, so nothing needs registering.</summary>
        public static KnownHttpTypes? TryCreate(Compilation compilation)
        {
            var types = new KnownHttpTypes(compilation);
            return types.MessageInvoker is null && types.WebClient is null && types.WebRequest is null ? null : types;
        }

        public bool IsUri(ITypeSymbol? type) => Uri != null && SymbolEqualityComparer.Default.Equals(type, Uri);

        public bool IsString(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_String;
    }
}
