using System.Net;

// Each read below is an IMDSv1 call: it works while the instance allows token-less calls
// (CloudWatch counts it as MetadataNoToken) and fails with 401 once HttpTokens=required.
namespace MetadataReader;

public static class Program
{
    private const string MetadataBase = "http://169.254.169.254/latest/meta-data/";

    // User data for the instances this program launches: the script runs on the instance and
    // reads metadata without a token.
    public const string BootstrapScript = """
        #!/bin/bash
        REGION=$(curl -s http://169.254.169.254/latest/meta-data/placement/region)
        aws configure set region "$REGION"
        """;

    public static async Task Main()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };

        try
        {
            var instanceId = await http.GetStringAsync(MetadataBase + "instance-id");
            Console.WriteLine($"instance-id: {instanceId}");

            var request = new HttpRequestMessage(HttpMethod.Get, "http://169.254.169.254/latest/meta-data/placement/region");
            using var response = await http.SendAsync(request);
            Console.WriteLine($"region: {await response.Content.ReadAsStringAsync()}");

            using var web = new WebClient();
            Console.WriteLine($"ami-id: {web.DownloadString(MetadataBase + "ami-id")}");

            // A token request that IMDS refuses: GET instead of PUT, and no TTL header.
            var token = await http.GetStringAsync("http://169.254.169.254/latest/api/token");
            Console.WriteLine($"token length: {token.Length}");

            var legacy = WebRequest.Create($"{MetadataBase}instance-type");
            using var legacyResponse = legacy.GetResponse();
            using var reader = new StreamReader(legacyResponse.GetResponseStream());
            Console.WriteLine($"instance-type: {reader.ReadToEnd()}");
        }
        catch (Exception ex) when (ex is HttpRequestException or WebException or TaskCanceledException)
        {
            Console.Error.WriteLine($"Not on EC2, or the instance requires tokens: {ex.Message}");
        }
    }
}
