namespace ImdsAnalyzers.Tests.EndToEnd;

/// <summary>
/// A program that reads instance metadata every token-less way the fix handles. It prints
/// name=value lines; any failed read (a 401 from an instance that requires tokens) ends it
/// with a non-zero exit code.
/// </summary>
public static class TokenlessProgram
{
    public const string Source = """
        using System;
        using System.IO;
        using System.Net;
        using System.Net.Http;
        using System.Threading.Tasks;

        #pragma warning disable SYSLIB0014 // WebClient and WebRequest: the legacy callers this test covers.

        public static class Program
        {
            private const string MetadataBase = "http://169.254.169.254/latest/meta-data/";

            public static async Task<int> Main()
            {
                try
                {
                    using var http = new HttpClient();

                    // HttpClient convenience method with a constant-built URL.
                    Console.WriteLine("instance-id=" + await http.GetStringAsync(MetadataBase + "instance-id"));

                    // HttpRequestMessage sent with SendAsync.
                    var request = new HttpRequestMessage(HttpMethod.Get, "http://169.254.169.254/latest/meta-data/placement/region");
                    using (var response = await http.SendAsync(request))
                    {
                        response.EnsureSuccessStatusCode();
                        Console.WriteLine("region=" + await response.Content.ReadAsStringAsync());
                    }

                    // GetAsync, and a client whose base address points at the metadata service.
                    using var based = new HttpClient { BaseAddress = new Uri("http://169.254.169.254/") };
                    using (var response = await based.GetAsync("latest/meta-data/placement/availability-zone"))
                    {
                        response.EnsureSuccessStatusCode();
                        Console.WriteLine("availability-zone=" + await response.Content.ReadAsStringAsync());
                    }

                    var userData = await based.GetByteArrayAsync("latest/user-data");
                    Console.WriteLine("user-data-bytes=" + userData.Length);

                    // WebClient, twice on the same client.
                    using var web = new WebClient();
                    Console.WriteLine("ami-id=" + web.DownloadString(MetadataBase + "ami-id"));
                    Console.WriteLine("instance-type=" + web.DownloadString(new Uri(MetadataBase + "instance-type")));

                    // WebRequest.
                    var legacy = WebRequest.Create($"{MetadataBase}local-ipv4");
                    using (var legacyResponse = legacy.GetResponse())
                    using (var reader = new StreamReader(legacyResponse.GetResponseStream()))
                    {
                        Console.WriteLine("local-ipv4=" + reader.ReadToEnd());
                    }

                    return 0;
                }
                catch (Exception ex) when (ex is HttpRequestException or WebException)
                {
                    Console.WriteLine("failed=" + ex.Message);
                    return 3;
                }
            }
        }
        """;
}
