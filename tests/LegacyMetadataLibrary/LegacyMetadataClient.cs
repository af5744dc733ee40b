using System.Net;

namespace LegacyMetadataLibrary;

/// <summary>Reads instance metadata the IMDSv1 way, through each of .NET's HTTP APIs.</summary>
public sealed class LegacyMetadataClient(Uri metadataBase)
{
    // Libraries like this one keep one client for the life of the process.
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public async Task<string> GetInstanceIdAsync() =>
        await Http.GetStringAsync(new Uri(metadataBase, "latest/meta-data/instance-id")).ConfigureAwait(false);

    public string GetRegionWithWebRequest()
    {
        var request = WebRequest.Create(new Uri(metadataBase, "latest/meta-data/placement/region"));
        using var response = request.GetResponse();
        using var reader = new StreamReader(response.GetResponseStream());
        return reader.ReadToEnd();
    }

    public string GetAmiIdWithWebClient()
    {
        using var client = new WebClient();
        return client.DownloadString(new Uri(metadataBase, "latest/meta-data/ami-id"));
    }
}
