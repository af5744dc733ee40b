using System;
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

        /// <summary>
        /// The helper's text, appended to the end of an existing file: adding a new file instead
        /// would make MSBuild-based hosts such as <c>dotnet format</c> write a duplicate Compile item
        /// into SDK-style projects. Type names are fully qualified so no using directive is needed
        /// and no type of the user's can capture a name. Inside a file with a file-scoped namespace
        /// the class joins that namespace; elsewhere it gets its own namespace block.
        /// </summary>
        public static string Generate(HelperCapabilities capabilities, bool inNamespaceBlock = true)
        {
            var s = new StringBuilder();
            s.Append('\n');
            if (capabilities.NullableDirectives)
            {
                s.Append("#nullable disable\n");
            }

            s.Append("#pragma warning disable SYSLIB0014 // WebClient and WebRequest are obsolete; the helper serves their existing callers.\n");
            s.Append(inNamespaceBlock ? "namespace " + Namespace + "\n{\n" : string.Empty);
            s.Append(@"    /// <summary>
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
        private static readonly global::System.TimeSpan RefreshBefore = global::System.TimeSpan.FromMinutes(5);

        // The metadata service must be reached directly: a proxy would make the PUT fail or leak the token.
        private static readonly global::System.Net.Http.HttpClient TokenClient = new global::System.Net.Http.HttpClient(new global::System.Net.Http.HttpClientHandler { UseProxy = false }) { Timeout = global::System.TimeSpan.FromSeconds(5) };
        private static readonly global::System.Collections.Concurrent.ConcurrentDictionary<string, CachedToken> Tokens = new global::System.Collections.Concurrent.ConcurrentDictionary<string, CachedToken>(global::System.StringComparer.OrdinalIgnoreCase);
        private static readonly global::System.Threading.SemaphoreSlim FetchGate = new global::System.Threading.SemaphoreSlim(1, 1);

        public static global::System.Threading.Tasks.Task<string> GetStringAsync(global::System.Net.Http.HttpClient client, string requestUri, global::System.Threading.CancellationToken cancellationToken = default(global::System.Threading.CancellationToken))
        {
            return GetStringAsync(client, ToUri(requestUri), cancellationToken);
        }

        public static async global::System.Threading.Tasks.Task<string> GetStringAsync(global::System.Net.Http.HttpClient client, global::System.Uri requestUri, global::System.Threading.CancellationToken cancellationToken = default(global::System.Threading.CancellationToken))
        {
            using (var response = await GetSuccessAsync(client, requestUri, global::System.Net.Http.HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false))
            {
                return await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            }
        }

        public static global::System.Threading.Tasks.Task<byte[]> GetByteArrayAsync(global::System.Net.Http.HttpClient client, string requestUri, global::System.Threading.CancellationToken cancellationToken = default(global::System.Threading.CancellationToken))
        {
            return GetByteArrayAsync(client, ToUri(requestUri), cancellationToken);
        }

        public static async global::System.Threading.Tasks.Task<byte[]> GetByteArrayAsync(global::System.Net.Http.HttpClient client, global::System.Uri requestUri, global::System.Threading.CancellationToken cancellationToken = default(global::System.Threading.CancellationToken))
        {
            using (var response = await GetSuccessAsync(client, requestUri, global::System.Net.Http.HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false))
            {
                return await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            }
        }

        public static global::System.Threading.Tasks.Task<global::System.IO.Stream> GetStreamAsync(global::System.Net.Http.HttpClient client, string requestUri, global::System.Threading.CancellationToken cancellationToken = default(global::System.Threading.CancellationToken))
        {
            return GetStreamAsync(client, ToUri(requestUri), cancellationToken);
        }

        public static async global::System.Threading.Tasks.Task<global::System.IO.Stream> GetStreamAsync(global::System.Net.Http.HttpClient client, global::System.Uri requestUri, global::System.Threading.CancellationToken cancellationToken = default(global::System.Threading.CancellationToken))
        {
            var response = await GetSuccessAsync(client, requestUri, global::System.Net.Http.HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            return await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        }

        public static global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> GetAsync(global::System.Net.Http.HttpClient client, string requestUri)
        {
            return GetAsync(client, ToUri(requestUri), global::System.Net.Http.HttpCompletionOption.ResponseContentRead, global::System.Threading.CancellationToken.None);
        }

        public static global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> GetAsync(global::System.Net.Http.HttpClient client, global::System.Uri requestUri)
        {
            return GetAsync(client, requestUri, global::System.Net.Http.HttpCompletionOption.ResponseContentRead, global::System.Threading.CancellationToken.None);
        }

        public static global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> GetAsync(global::System.Net.Http.HttpClient client, string requestUri, global::System.Threading.CancellationToken cancellationToken)
        {
            return GetAsync(client, ToUri(requestUri), global::System.Net.Http.HttpCompletionOption.ResponseContentRead, cancellationToken);
        }

        public static global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> GetAsync(global::System.Net.Http.HttpClient client, global::System.Uri requestUri, global::System.Threading.CancellationToken cancellationToken)
        {
            return GetAsync(client, requestUri, global::System.Net.Http.HttpCompletionOption.ResponseContentRead, cancellationToken);
        }

        public static global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> GetAsync(global::System.Net.Http.HttpClient client, string requestUri, global::System.Net.Http.HttpCompletionOption completionOption, global::System.Threading.CancellationToken cancellationToken = default(global::System.Threading.CancellationToken))
        {
            return GetAsync(client, ToUri(requestUri), completionOption, cancellationToken);
        }

        public static async global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> GetAsync(global::System.Net.Http.HttpClient client, global::System.Uri requestUri, global::System.Net.Http.HttpCompletionOption completionOption, global::System.Threading.CancellationToken cancellationToken = default(global::System.Threading.CancellationToken))
        {
            var endpoint = EndpointOf(requestUri, client.BaseAddress);
            var response = await SendGetAsync(client, requestUri, endpoint, completionOption, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == global::System.Net.HttpStatusCode.Unauthorized)
            {
                // The token was revoked or the service restarted: fetch a new one once.
                response.Dispose();
                Invalidate(endpoint);
                response = await SendGetAsync(client, requestUri, endpoint, completionOption, cancellationToken).ConfigureAwait(false);
            }

            return response;
        }

        public static global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> SendAsync(global::System.Net.Http.HttpClient client, global::System.Net.Http.HttpRequestMessage request)
        {
            return SendAsync(client, request, global::System.Net.Http.HttpCompletionOption.ResponseContentRead, global::System.Threading.CancellationToken.None);
        }

        public static global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> SendAsync(global::System.Net.Http.HttpClient client, global::System.Net.Http.HttpRequestMessage request, global::System.Threading.CancellationToken cancellationToken)
        {
            return SendAsync(client, request, global::System.Net.Http.HttpCompletionOption.ResponseContentRead, cancellationToken);
        }

        public static async global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> SendAsync(global::System.Net.Http.HttpClient client, global::System.Net.Http.HttpRequestMessage request, global::System.Net.Http.HttpCompletionOption completionOption, global::System.Threading.CancellationToken cancellationToken = default(global::System.Threading.CancellationToken))
        {
            await AttachAsync(request, client.BaseAddress, cancellationToken).ConfigureAwait(false);
            return await client.SendAsync(request, completionOption, cancellationToken).ConfigureAwait(false);
        }

        public static async global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> SendAsync(global::System.Net.Http.HttpMessageInvoker invoker, global::System.Net.Http.HttpRequestMessage request, global::System.Threading.CancellationToken cancellationToken)
        {
            await AttachAsync(request, (invoker as global::System.Net.Http.HttpClient)?.BaseAddress, cancellationToken).ConfigureAwait(false);
            return await invoker.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
");
            if (capabilities.HttpClientSend)
            {
                s.Append(@"
        public static global::System.Net.Http.HttpResponseMessage Send(global::System.Net.Http.HttpClient client, global::System.Net.Http.HttpRequestMessage request)
        {
            return Send(client, request, global::System.Net.Http.HttpCompletionOption.ResponseContentRead, global::System.Threading.CancellationToken.None);
        }

        public static global::System.Net.Http.HttpResponseMessage Send(global::System.Net.Http.HttpClient client, global::System.Net.Http.HttpRequestMessage request, global::System.Threading.CancellationToken cancellationToken)
        {
            return Send(client, request, global::System.Net.Http.HttpCompletionOption.ResponseContentRead, cancellationToken);
        }

        public static global::System.Net.Http.HttpResponseMessage Send(global::System.Net.Http.HttpClient client, global::System.Net.Http.HttpRequestMessage request, global::System.Net.Http.HttpCompletionOption completionOption, global::System.Threading.CancellationToken cancellationToken = default(global::System.Threading.CancellationToken))
        {
            request.Headers.Remove(TokenHeader);
            request.Headers.Add(TokenHeader, GetToken(EndpointOf(request.RequestUri, client.BaseAddress)));
            return client.Send(request, completionOption, cancellationToken);
        }

        public static global::System.Net.Http.HttpResponseMessage Send(global::System.Net.Http.HttpMessageInvoker invoker, global::System.Net.Http.HttpRequestMessage request, global::System.Threading.CancellationToken cancellationToken)
        {
            request.Headers.Remove(TokenHeader);
            request.Headers.Add(TokenHeader, GetToken(EndpointOf(request.RequestUri, (invoker as global::System.Net.Http.HttpClient)?.BaseAddress)));
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
        public static T Attach<T>(T request) where T : global::System.Net.WebRequest
        {
            request.Headers[TokenHeader] = GetToken(EndpointOf(request.RequestUri, null));
            return request;
        }
");
            }

            s.Append(@"
        private static async global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> GetSuccessAsync(global::System.Net.Http.HttpClient client, global::System.Uri requestUri, global::System.Net.Http.HttpCompletionOption completionOption, global::System.Threading.CancellationToken cancellationToken)
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

        private static async global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> SendGetAsync(global::System.Net.Http.HttpClient client, global::System.Uri requestUri, string endpoint, global::System.Net.Http.HttpCompletionOption completionOption, global::System.Threading.CancellationToken cancellationToken)
        {
            var request = new global::System.Net.Http.HttpRequestMessage(global::System.Net.Http.HttpMethod.Get, requestUri);
            request.Headers.Add(TokenHeader, await GetTokenAsync(endpoint, cancellationToken).ConfigureAwait(false));
            return await client.SendAsync(request, completionOption, cancellationToken).ConfigureAwait(false);
        }

        private static async global::System.Threading.Tasks.Task AttachAsync(global::System.Net.Http.HttpRequestMessage request, global::System.Uri baseAddress, global::System.Threading.CancellationToken cancellationToken)
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

            // Synchronous callers (global::System.Net.WebClient, global::System.Net.WebRequest, global::System.Net.Http.HttpClient.Send) block once per token
            // lifetime; running the fetch on the pool avoids deadlocks under a synchronization context.
            return global::System.Threading.Tasks.Task.Run(() => GetTokenAsync(endpoint, global::System.Threading.CancellationToken.None)).GetAwaiter().GetResult();
        }

        private static async global::System.Threading.Tasks.Task<string> GetTokenAsync(string endpoint, global::System.Threading.CancellationToken cancellationToken)
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

                using (var put = new global::System.Net.Http.HttpRequestMessage(global::System.Net.Http.HttpMethod.Put, endpoint + ""/latest/api/token""))
                {
                    put.Headers.Add(TtlHeader, TtlSeconds.ToString(global::System.Globalization.CultureInfo.InvariantCulture));
                    using (var response = await TokenClient.SendAsync(put, cancellationToken).ConfigureAwait(false))
                    {
                        response.EnsureSuccessStatusCode();
                        var token = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                        Tokens[endpoint] = new CachedToken(token, global::System.DateTime.UtcNow.AddSeconds(TtlSeconds) - RefreshBefore);
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

        private static global::System.Uri ToUri(string uri)
        {
            return string.IsNullOrEmpty(uri) ? null : new global::System.Uri(uri, global::System.UriKind.RelativeOrAbsolute);
        }

        /// <summary>The scheme and authority the token is fetched from: the request's own, or the client's base address.</summary>
        private static string EndpointOf(global::System.Uri requestUri, global::System.Uri baseAddress)
        {
            var absolute = requestUri != null && requestUri.IsAbsoluteUri ? requestUri : baseAddress;
            if (absolute == null || !absolute.IsAbsoluteUri)
            {
                throw new global::System.InvalidOperationException(""An instance metadata request needs an absolute URI or a client base address."");
            }

            return absolute.GetLeftPart(global::System.UriPartial.Authority);
        }

        private sealed class CachedToken
        {
            public CachedToken(string value, global::System.DateTime refreshAtUtc)
            {
                Value = value;
                RefreshAtUtc = refreshAtUtc;
            }

            public string Value { get; private set; }

            public global::System.DateTime RefreshAtUtc { get; private set; }

            public bool IsFresh
            {
                get { return global::System.DateTime.UtcNow < RefreshAtUtc; }
            }
        }
    }
");
            if (inNamespaceBlock)
            {
                s.Append("}\n");
            }

            var text = s.ToString().Replace("\r\n", "\n");
            return inNamespaceBlock ? text : Unindent(text);
        }

        private static string Unindent(string text)
        {
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].StartsWith("    ", StringComparison.Ordinal))
                {
                    lines[i] = lines[i].Substring(4);
                }
            }

            return string.Join("\n", lines);
        }

        /// <summary>
        /// WebClient keeps its headers between calls, so each wrapper removes the token again:
        /// a later call from the same client to another host must not carry it.
        /// </summary>
        private static void AppendWebClientMethods(StringBuilder s)
        {
            foreach (var method in WebClientMethods)
            {
                foreach (var addressType in new[] { "string", "global::System.Uri" })
                {
                    var isVoid = method.ReturnType == "void" || method.ReturnType == TaskType;
                    var isAsync = method.ReturnType.StartsWith(TaskType, StringComparison.Ordinal);
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
                        .Append("(global::System.Net.WebClient client, ").Append(addressType).Append(" address").Append(method.ExtraParameters).Append(")\n")
                        .Append("        {\n            ").Append(body).Append("\n        }\n");
                }
            }

            s.Append(@"
        private static TResult WithToken<TResult>(global::System.Net.WebClient client, string address, global::System.Func<TResult> send)
        {
            return WithToken(client, ToUri(address), send);
        }

        private static TResult WithToken<TResult>(global::System.Net.WebClient client, global::System.Uri address, global::System.Func<TResult> send)
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

        private static global::System.Threading.Tasks.Task<TResult> WithTokenAsync<TResult>(global::System.Net.WebClient client, string address, global::System.Func<global::System.Threading.Tasks.Task<TResult>> send)
        {
            return WithTokenAsync(client, ToUri(address), send);
        }

        private static async global::System.Threading.Tasks.Task<TResult> WithTokenAsync<TResult>(global::System.Net.WebClient client, global::System.Uri address, global::System.Func<global::System.Threading.Tasks.Task<TResult>> send)
        {
            client.Headers[TokenHeader] = await GetTokenAsync(EndpointOf(address, BaseAddressOf(client)), global::System.Threading.CancellationToken.None).ConfigureAwait(false);
            try
            {
                return await send().ConfigureAwait(false);
            }
            finally
            {
                client.Headers.Remove(TokenHeader);
            }
        }

        private static global::System.Uri BaseAddressOf(global::System.Net.WebClient client)
        {
            return string.IsNullOrEmpty(client.BaseAddress) ? null : new global::System.Uri(client.BaseAddress);
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

        private const string TaskType = "global::System.Threading.Tasks.Task";

        private static readonly WebClientMethod[] WebClientMethods =
        {
            new WebClientMethod("string", "DownloadString", "", ""),
            new WebClientMethod("byte[]", "DownloadData", "", ""),
            new WebClientMethod("void", "DownloadFile", ", string fileName", ", fileName"),
            new WebClientMethod("global::System.IO.Stream", "OpenRead", "", ""),
            new WebClientMethod(TaskType + "<string>", "DownloadStringTaskAsync", "", ""),
            new WebClientMethod(TaskType + "<byte[]>", "DownloadDataTaskAsync", "", ""),
            new WebClientMethod(TaskType, "DownloadFileTaskAsync", ", string fileName", ", fileName"),
            new WebClientMethod(TaskType + "<global::System.IO.Stream>", "OpenReadTaskAsync", "", ""),
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
