namespace ImdsAnalyzers.Benchmarks.Corpus;

/// <summary>
/// HTTP client code the way services write it: HttpClient, WebClient and WebRequest against ordinary
/// hosts, plus the compliant IMDSv2 pattern and harmless mentions of the metadata address.
/// </summary>
internal static class HttpCode
{
    public static string Generate(string area, int index, Random random)
    {
        var name = random.Pick(Names.Entities) + "Client" + index;
        var host = random.Pick(Names.Hosts);
        var withImdsV2 = random.Next(2) == 0;
        return $$"""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;
            using System.Net;
            using System.Net.Http;
            using System.Net.Http.Headers;
            using System.Text;
            using System.Threading;
            using System.Threading.Tasks;

            #pragma warning disable SYSLIB0014
            namespace Corpus.{{area}}.Clients;

            public sealed class {{name}} : IDisposable
            {
                private static readonly string[] BlockedHosts = { "169.254.169.254", "169.254.170.2", "fd00:ec2::254" };
                private readonly HttpClient _http;

                public {{name}}(HttpClient http)
                {
                    _http = http;
                    _http.BaseAddress = new Uri("{{host}}/");
                    _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                    _http.DefaultRequestHeaders.UserAgent.ParseAdd("corpus-{{area.ToLowerInvariant()}}/1.{{index % 10}}");
                }

                public static bool IsBlocked(Uri uri) => BlockedHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase);

                public async Task<string> GetStatusAsync(CancellationToken cancellationToken)
                {
                    var text = await _http.GetStringAsync("{{host}}/v1/status?verbose=true", cancellationToken).ConfigureAwait(false);
                    return text.Trim();
                }

                public async Task<IReadOnlyList<string>> ListAsync(string filter, int page)
                {
                    using var response = await _http.GetAsync($"v2/items?filter={Uri.EscapeDataString(filter)}&page={page}").ConfigureAwait(false);
                    response.EnsureSuccessStatusCode();
                    var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                    return body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).ToList();
                }

                public async Task<bool> PostAsync(string id, string payload, string bearer)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, "{{host}}/v1/{{area.ToLowerInvariant()}}/" + id)
                    {
                        Content = new StringContent(payload, Encoding.UTF8, "application/json"),
                    };
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
                    request.Headers.Add("X-Request-Id", Guid.NewGuid().ToString("N"));
                    using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
                    return response.StatusCode == HttpStatusCode.Accepted || response.IsSuccessStatusCode;
                }

                public static string DownloadLegacy(string path)
                {
                    using var web = new WebClient();
                    web.Headers.Add("Accept", "text/plain");
                    return web.DownloadString("{{host}}/legacy/" + path.TrimStart('/'));
                }

                public static string ReadWithWebRequest(string path)
                {
                    var request = (HttpWebRequest)WebRequest.Create(new Uri(new Uri("{{host}}"), path));
                    request.Method = "GET";
                    request.Timeout = {{1000 * (1 + random.Next(30))}};
                    using var response = request.GetResponse();
                    using var reader = new StreamReader(response.GetResponseStream());
                    return reader.ReadToEnd();
                }

                public static async Task<string> ContainerCredentialsAsync(HttpClient http, string relativeUri)
                {
                    // ECS task credentials live on a different link-local address and need no IMDS token.
                    return await http.GetStringAsync("http://169.254.170.2" + relativeUri).ConfigureAwait(false);
                }
            {{(withImdsV2 ? ImdsV2Methods(random) : string.Empty)}}
                public void Dispose() => _http.Dispose();
            }
            """;
    }

    private static string ImdsV2Methods(Random random) => $$"""

                private const string TokenUrl = "http://169.254.169.254/latest/api/token";
                private const string MetadataBase = "http://169.254.169.254/latest/meta-data/";

                public async Task<string> ReadMetadataAsync(string path = "{{random.Pick(Names.MetadataPaths)}}")
                {
                    using var tokenRequest = new HttpRequestMessage(HttpMethod.Put, TokenUrl);
                    tokenRequest.Headers.Add("X-aws-ec2-metadata-token-ttl-seconds", "{{60 * (1 + random.Next(360))}}");
                    using var tokenResponse = await _http.SendAsync(tokenRequest).ConfigureAwait(false);
                    var token = await tokenResponse.Content.ReadAsStringAsync().ConfigureAwait(false);

                    using var request = new HttpRequestMessage(HttpMethod.Get, MetadataBase + path);
                    request.Headers.Add("X-aws-ec2-metadata-token", token);
                    using var response = await _http.SendAsync(request).ConfigureAwait(false);
                    Console.WriteLine("read " + path + " from http://169.254.169.254 with a session token");
                    return await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                }

            """;
}
