using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

#pragma warning disable SYSLIB0014
namespace FuzzCorpus.MetadataReads;

// Seed for the robustness test: token-less reads and malformed token requests in the shapes real code has.
public sealed class InstanceInfo
{
    private const string Base = "http://169.254.169.254/latest/meta-data/";
    private static readonly Uri Root = new Uri("http://169.254.169.254/");
    private readonly HttpClient _http = new HttpClient { BaseAddress = new Uri("http://169.254.169.254/latest/") };
    private string _region = "";

    public async Task<string> InstanceIdAsync(CancellationToken cancellationToken)
    {
        var id = await _http.GetStringAsync(Base + "instance-id", cancellationToken);
        return id.Trim();
    }

    public async Task<string> RelativeAsync() => await _http.GetStringAsync("meta-data/ami-id");

    public async Task<string> RegionAsync()
    {
        if (_region.Length == 0)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Root, "latest/meta-data/placement/region"));
            using var response = await _http.SendAsync(request);
            _region = await response.Content.ReadAsStringAsync();
        }

        return _region;
    }

    public static string Hostname()
    {
        using var client = new WebClient();
        return client.DownloadString(string.Format("{0}{1}", Base, "hostname"));
    }

    public static string LocalIp()
    {
        var request = WebRequest.Create($"{Base}local-ipv4");
        using var response = request.GetResponse();
        using var reader = new StreamReader(response.GetResponseStream());
        return reader.ReadToEnd();
    }

    public static async Task<byte[]> UserDataAsync(HttpClient http) =>
        await http.GetByteArrayAsync(string.Concat("http://169.254.169.254", "/latest/user-data"));

    public static async Task<string> Ipv6Async(HttpClient http) =>
        await http.GetStringAsync("http://[fd00:ec2::254]/latest/meta-data/mac");

    public static async Task<string> TokenWithGetAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://169.254.169.254/latest/api/token");
        request.Headers.Add("X-aws-ec2-metadata-token-ttl-seconds", "21600");
        using var response = await http.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    public static async Task<string> TokenWithoutTtlAsync(HttpClient http)
    {
        using var response = await http.PutAsync("http://169.254.169.254/latest/api/token", new StringContent("", Encoding.UTF8));
        return await response.Content.ReadAsStringAsync();
    }

    public static async Task<string> TokenTtlTooLongAsync(HttpClient http)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "http://169.254.169.254/latest/api/token");
        request.Headers.Add("X-aws-ec2-metadata-token-ttl-seconds", "86400");
        request.Headers.Add("X-Forwarded-For", "10.0.0.1");
        using var response = await http.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    public static async Task<string> WithTokenAsync(HttpClient http)
    {
        var tokenRequest = new HttpRequestMessage(HttpMethod.Put, "http://169.254.169.254/latest/api/token");
        tokenRequest.Headers.Add("X-aws-ec2-metadata-token-ttl-seconds", "300");
        var token = await (await http.SendAsync(tokenRequest)).Content.ReadAsStringAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, Base + "instance-type");
        request.Headers.Add("X-aws-ec2-metadata-token", token);
        return await (await http.SendAsync(request)).Content.ReadAsStringAsync();
    }

    public static bool IsBlocked(string host) => host == "169.254.169.254" || host == "169.254.170.2";
}
