using System.Text;

namespace ImdsAnalyzers.CodeFixes.MetadataCalls
{
    /// <summary>
    /// The source of the helper class the IMDS001 fix adds to a project once. It is generated per
    /// project because the API surface differs between target frameworks (HttpClient.Send exists
    /// only on .NET 5+, WebClient may be absent), and a helper that calls a missing API would break
    /// the build the fix is meant to repair.
    /// </summary>
    internal static class SessionTokenHelperSource
    {
        public const string Namespace = ImdsAnalyzers.MetadataCalls.SessionTokenHelper.Namespace;
        public const string ClassName = ImdsAnalyzers.MetadataCalls.SessionTokenHelper.ClassName;
        public const string MetadataName = Namespace + "." + ClassName;
        public const string FileName = ClassName + ".cs";

        public static string Generate(HelperCapabilities capabilities)
        {
            var s = new StringBuilder();
            if (capabilities.NullableDirectives)
            {
                s.AppendLine("#nullable disable");
            }

            s.AppendLine("#pragma warning disable SYSLIB0014 // WebClient and WebRequest are obsolete; this helper only supports existing callers.");
            s.Append(@"
namespace ImdsV2Support
{
    using System;
    using System.Collections.Concurrent;
    using System.Net;
    using System.Net.Http;
    using System.Threading;
    using System.Threading.Tasks;

    /// <summary>
    /// Sends EC2 instance metadata requests with an IMDSv2 session token, so that they keep working
    /// on instances that require tokens (HttpTokens=required) and are no longer counted as
    /// MetadataNoToken. Added by the ImdsAnalyzers IMDS001 code fix; safe to edit.
    /// </summary>
    internal static class ImdsSessionToken
    {
        private const string TokenHeader = ""X-aws-ec2-metadata-token"";
        private const string TtlHeader = ""X-aws-ec2-metadata-token-ttl-seconds"";
        private const int TtlSeconds = 21600;

        // Refresh well before expiry so a request never carries a token that expires in flight.
        private static readonly TimeSpan RefreshBefore = TimeSpan.FromMinutes(5);

        // The metadata service must be reached directly: a proxy would make the PUT fail or leak the token.
        private static readonly HttpClient TokenClient = new HttpClient(new HttpClientHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };
        private static readonly ConcurrentDictionary<string, CachedToken> Tokens = new ConcurrentDictionary<string, CachedToken>(StringComparer.OrdinalIgnoreCase);
        private static readonly SemaphoreSlim FetchGate = new SemaphoreSlim(1, 1);

        public static Task<string> GetStringAsync(HttpClient client, string requestUri, CancellationToken cancellationToken = default(CancellationToken))
        {
            return GetStringAsync(client, ToUri(requestUri), cancellationToken);
        }

        public static async Task<string> GetStringAsync(HttpClient client, Uri requestUri, CancellationToken cancellationToken = default(CancellationToken))
        {
            using (var response = await GetSuccessAsync(client, requestUri, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false))
            {
                return await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            }
        }

        public static Task<byte[]> GetByteArrayAsync(HttpClient client, string requestUri, CancellationToken cancellationToken = default(CancellationToken))
        {
            return GetByteArrayAsync(client, ToUri(requestUri), cancellationToken);
        }

        public static async Task<byte[]> GetByteArrayAsync(HttpClient client, Uri requestUri, CancellationToken cancellationToken = default(CancellationToken))
        {
            using (var response = await GetSuccessAsync(client, requestUri, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false))
            {
                return await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            }
        }

        public static Task<System.IO.Stream> GetStreamAsync(HttpClient client, string requestUri, CancellationToken cancellationToken = default(CancellationToken))
        {
            return GetStreamAsync(client, ToUri(requestUri), cancellationToken);
        }

        public static async Task<System.IO.Stream> GetStreamAsync(HttpClient client, Uri requestUri, CancellationToken cancellationToken = default(CancellationToken))
        {
            var response = await GetSuccessAsync(client, requestUri, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            return await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        }

        public static Task<HttpResponseMessage> GetAsync(HttpClient client, string requestUri)
        {
            return GetAsync(client, ToUri(requestUri), HttpCompletionOption.ResponseContentRead, CancellationToken.None);
        }

        public static Task<HttpResponseMessage> GetAsync(HttpClient client, Uri requestUri)
        {
            return GetAsync(client, requestUri, HttpCompletionOption.ResponseContentRead, CancellationToken.None);
        }

        public static Task<HttpResponseMessage> GetAsync(HttpClient client, string requestUri, CancellationToken cancellationToken)
        {
            return GetAsync(client, ToUri(requestUri), HttpCompletionOption.ResponseContentRead, cancellationToken);
        }

        public static Task<HttpResponseMessage> GetAsync(HttpClient client, Uri requestUri, CancellationToken cancellationToken)
        {
            return GetAsync(client, requestUri, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }

        public static Task<HttpResponseMessage> GetAsync(HttpClient client, string requestUri, HttpCompletionOption completionOption, CancellationToken cancellationToken = default(CancellationToken))
        {
            return GetAsync(client, ToUri(requestUri), completionOption, cancellationToken);
        }

        public static async Task<HttpResponseMessage> GetAsync(HttpClient client, Uri requestUri, HttpCompletionOption completionOption, CancellationToken cancellationToken = default(CancellationToken))
        {
            var endpoint = EndpointOf(requestUri, client.BaseAddress);
            var response = await SendGetAsync(client, requestUri, endpoint, completionOption, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                // The token was revoked or the service restarted: fetch a new one once.
                response.Dispose();
                Invalidate(endpoint);
                response = await SendGetAsync(client, requestUri, endpoint, completionOption, cancellationToken).ConfigureAwait(false);
            }

            return response;
        }

        public static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request)
        {
            return SendAsync(client, request, HttpCompletionOption.ResponseContentRead, CancellationToken.None);
        }

        public static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
        {
            return SendAsync(client, request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }

        public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, HttpCompletionOption completionOption, CancellationToken cancellationToken = default(CancellationToken))
        {
            await AttachAsync(request, client.BaseAddress, cancellationToken).ConfigureAwait(false);
            return await client.SendAsync(request, completionOption, cancellationToken).ConfigureAwait(false);
        }

        public static async Task<HttpResponseMessage> SendAsync(HttpMessageInvoker invoker, HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await AttachAsync(request, (invoker as HttpClient)?.BaseAddress, cancellationToken).ConfigureAwait(false);
            return await invoker.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
");
            if (capabilities.HttpClientSend)
            {
                s.Append(@"
        public static HttpResponseMessage Send(HttpClient client, HttpRequestMessage request)
        {
            return Send(client, request, HttpCompletionOption.ResponseContentRead, CancellationToken.None);
        }

        public static HttpResponseMessage Send(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
        {
            return Send(client, request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }

        public static HttpResponseMessage Send(HttpClient client, HttpRequestMessage request, HttpCompletionOption completionOption, CancellationToken cancellationToken = default(CancellationToken))
        {
            request.Headers.Remove(TokenHeader);
            request.Headers.Add(TokenHeader, GetToken(EndpointOf(request.RequestUri, client.BaseAddress)));
            return client.Send(request, completionOption, cancellationToken);
        }

        public static HttpResponseMessage Send(HttpMessageInvoker invoker, HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Remove(TokenHeader);
            request.Headers.Add(TokenHeader, GetToken(EndpointOf(request.RequestUri, (invoker as HttpClient)?.BaseAddress)));
            return invoker.Send(request, cancellationToken);
        }
");
            }

            if (capabilities.WebClient)
            {
                AppendWebClientMethods(s);
            }

            if (capabilities.WebRequest)
            {
                s.Append(@"
        /// <summary>Puts a session token on the request's headers and returns the request.</summary>
        public static T Attach<T>(T request) where T : WebRequest
        {
            request.Headers[TokenHeader] = GetToken(EndpointOf(request.RequestUri, null));
            return request;
        }
");
            }

            s.Append(@"
        private static async Task<HttpResponseMessage> GetSuccessAsync(HttpClient client, Uri requestUri, HttpCompletionOption completionOption, CancellationToken cancellationToken)
        {
            var response = await GetAsync(client, requestUri, completionOption, cancellationToken).ConfigureAwait(false);
            try
            {
                response.EnsureSuccessStatusCode();
            }
            catch
            {
                response.Dispose();
                throw;
            }

            return response;
        }

        private static async Task<HttpResponseMessage> SendGetAsync(HttpClient client, Uri requestUri, string endpoint, HttpCompletionOption completionOption, CancellationToken cancellationToken)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, requestUri);
            request.Headers.Add(TokenHeader, await GetTokenAsync(endpoint, cancellationToken).ConfigureAwait(false));
            return await client.SendAsync(request, completionOption, cancellationToken).ConfigureAwait(false);
        }

        private static async Task AttachAsync(HttpRequestMessage request, Uri baseAddress, CancellationToken cancellationToken)
        {
            var token = await GetTokenAsync(EndpointOf(request.RequestUri, baseAddress), cancellationToken).ConfigureAwait(false);
            request.Headers.Remove(TokenHeader);
            request.Headers.Add(TokenHeader, token);
        }

        private static string GetToken(string endpoint)
        {
            CachedToken cached;
            if (Tokens.TryGetValue(endpoint, out cached) && cached.IsFresh)
            {
                return cached.Value;
            }

            // Synchronous callers (WebClient, WebRequest, HttpClient.Send) block once per token
            // lifetime; running the fetch on the pool avoids deadlocks under a synchronization context.
            return Task.Run(() => GetTokenAsync(endpoint, CancellationToken.None)).GetAwaiter().GetResult();
        }

        private static async Task<string> GetTokenAsync(string endpoint, CancellationToken cancellationToken)
        {
            CachedToken cached;
            if (Tokens.TryGetValue(endpoint, out cached) && cached.IsFresh)
            {
                return cached.Value;
            }

            // One fetch in flight: callers that queue here reuse the token the first one got.
            await FetchGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (Tokens.TryGetValue(endpoint, out cached) && cached.IsFresh)
                {
                    return cached.Value;
                }

                using (var put = new HttpRequestMessage(HttpMethod.Put, endpoint + ""/latest/api/token""))
                {
                    put.Headers.Add(TtlHeader, TtlSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    using (var response = await TokenClient.SendAsync(put, cancellationToken).ConfigureAwait(false))
                    {
                        response.EnsureSuccessStatusCode();
                        var token = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                        Tokens[endpoint] = new CachedToken(token, DateTime.UtcNow.AddSeconds(TtlSeconds) - RefreshBefore);
                        return token;
                    }
                }
            }
            finally
            {
                FetchGate.Release();
            }
        }

        private static void Invalidate(string endpoint)
        {
            CachedToken ignored;
            Tokens.TryRemove(endpoint, out ignored);
        }

        private static Uri ToUri(string uri)
        {
            return string.IsNullOrEmpty(uri) ? null : new Uri(uri, UriKind.RelativeOrAbsolute);
        }

        /// <summary>The scheme and authority the token is fetched from: the request's own, or the client's base address.</summary>
        private static string EndpointOf(Uri requestUri, Uri baseAddress)
        {
            var absolute = requestUri != null && requestUri.IsAbsoluteUri ? requestUri : baseAddress;
            if (absolute == null || !absolute.IsAbsoluteUri)
            {
                throw new InvalidOperationException(""An instance metadata request needs an absolute URI or a client base address."");
            }

            return absolute.GetLeftPart(UriPartial.Authority);
        }

        private sealed class CachedToken
        {
            public CachedToken(string value, DateTime refreshAtUtc)
            {
                Value = value;
                RefreshAtUtc = refreshAtUtc;
            }

            public string Value { get; private set; }

            public DateTime RefreshAtUtc { get; private set; }

            public bool IsFresh
            {
                get { return DateTime.UtcNow < RefreshAtUtc; }
            }
        }
    }
}
");
            return s.ToString().Replace("\r\n", "\n");
        }

        /// <summary>
        /// WebClient keeps its headers between calls, so each wrapper removes the token again:
        /// a later call from the same client to another host must not carry it.
        /// </summary>
        private static void AppendWebClientMethods(StringBuilder s)
        {
            foreach (var method in WebClientMethods)
            {
                foreach (var addressType in new[] { "string", "Uri" })
                {
                    var isVoid = method.ReturnType == "void" || method.ReturnType == "Task";
                    var isAsync = method.ReturnType.StartsWith("Task", System.StringComparison.Ordinal);
                    var call = "client." + method.Name + "(address" + method.ExtraArguments + ")";
                    string body;
                    if (isAsync)
                    {
                        body = isVoid
                            ? "return WithTokenAsync(client, address, async () => { await " + call + ".ConfigureAwait(false); return true; });"
                            : "return WithTokenAsync(client, address, () => " + call + ");";
                    }
                    else
                    {
                        body = isVoid
                            ? "WithToken(client, address, () => { " + call + "; return true; });"
                            : "return WithToken(client, address, () => " + call + ");";
                    }

                    s.Append("\n        public static ").Append(method.ReturnType).Append(' ').Append(method.Name)
                        .Append("(WebClient client, ").Append(addressType).Append(" address").Append(method.ExtraParameters).Append(")\n")
                        .Append("        {\n            ").Append(body).Append("\n        }\n");
                }
            }

            s.Append(@"
        private static TResult WithToken<TResult>(WebClient client, string address, Func<TResult> send)
        {
            return WithToken(client, ToUri(address), send);
        }

        private static TResult WithToken<TResult>(WebClient client, Uri address, Func<TResult> send)
        {
            client.Headers[TokenHeader] = GetToken(EndpointOf(address, BaseAddressOf(client)));
            try
            {
                return send();
            }
            finally
            {
                client.Headers.Remove(TokenHeader);
            }
        }

        private static Task<TResult> WithTokenAsync<TResult>(WebClient client, string address, Func<Task<TResult>> send)
        {
            return WithTokenAsync(client, ToUri(address), send);
        }

        private static async Task<TResult> WithTokenAsync<TResult>(WebClient client, Uri address, Func<Task<TResult>> send)
        {
            client.Headers[TokenHeader] = await GetTokenAsync(EndpointOf(address, BaseAddressOf(client)), CancellationToken.None).ConfigureAwait(false);
            try
            {
                return await send().ConfigureAwait(false);
            }
            finally
            {
                client.Headers.Remove(TokenHeader);
            }
        }

        private static Uri BaseAddressOf(WebClient client)
        {
            return string.IsNullOrEmpty(client.BaseAddress) ? null : new Uri(client.BaseAddress);
        }
");
        }

        /// <summary>The WebClient methods the fix can route through the helper, by name.</summary>
        public static bool IsSupportedWebClientMethod(string name)
        {
            foreach (var method in WebClientMethods)
            {
                if (method.Name == name)
                {
                    return true;
                }
            }

            return false;
        }

        private static readonly WebClientMethod[] WebClientMethods =
        {
            new WebClientMethod("string", "DownloadString", "", ""),
            new WebClientMethod("byte[]", "DownloadData", "", ""),
            new WebClientMethod("void", "DownloadFile", ", string fileName", ", fileName"),
            new WebClientMethod("System.IO.Stream", "OpenRead", "", ""),
            new WebClientMethod("Task<string>", "DownloadStringTaskAsync", "", ""),
            new WebClientMethod("Task<byte[]>", "DownloadDataTaskAsync", "", ""),
            new WebClientMethod("Task", "DownloadFileTaskAsync", ", string fileName", ", fileName"),
            new WebClientMethod("Task<System.IO.Stream>", "OpenReadTaskAsync", "", ""),
        };

        private sealed class WebClientMethod
        {
            public WebClientMethod(string returnType, string name, string extraParameters, string extraArguments)
            {
                ReturnType = returnType;
                Name = name;
                ExtraParameters = extraParameters;
                ExtraArguments = extraArguments;
            }

            public string ReturnType { get; }

            public string Name { get; }

            public string ExtraParameters { get; }

            public string ExtraArguments { get; }
        }
    }

    /// <summary>What the target compilation offers, so the helper only calls APIs that exist there.</summary>
    internal readonly struct HelperCapabilities
    {
        public HelperCapabilities(bool nullableDirectives, bool httpClientSend, bool webClient, bool webRequest)
        {
            NullableDirectives = nullableDirectives;
            HttpClientSend = httpClientSend;
            WebClient = webClient;
            WebRequest = webRequest;
        }

        public bool NullableDirectives { get; }

        public bool HttpClientSend { get; }

        public bool WebClient { get; }

        public bool WebRequest { get; }
    }
}
