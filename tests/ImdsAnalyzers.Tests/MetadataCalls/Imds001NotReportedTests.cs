using static ImdsAnalyzers.Tests.MetadataCalls.MetadataSources;
using Verify = ImdsAnalyzers.Tests.Verifiers.AnalyzerVerifier<ImdsAnalyzers.MetadataCalls.MetadataCallAnalyzer>;

namespace ImdsAnalyzers.Tests.MetadataCalls;

/// <summary>IMDS001: mentions of the address that never become a request.</summary>
public class Imds001NotReportedTests
{
    [Fact]
    public Task Deny_list_of_addresses_is_not_reported() => Verify.VerifyAsync(InMethod(@"
        var blocked = new HashSet<string> { ""169.254.169.254"", ""http://169.254.169.254/latest/meta-data/"", ""fd00:ec2::254"" };
        var target = new Uri(path);
        if (blocked.Contains(target.Host) || target.ToString().StartsWith(""http://169.254.169.254/latest/""))
        {
            throw new InvalidOperationException(""SSRF blocked"");
        }

        using var http = new HttpClient();
        await http.GetStringAsync(target);"));

    [Fact]
    public Task Ip_address_parse_is_not_reported() => Verify.VerifyAsync(InMethod(@"
        var address = IPAddress.Parse(""169.254.169.254"");
        var v6 = IPAddress.Parse(""fd00:ec2::254"");
        Console.WriteLine(address.Equals(v6));"));

    [Fact]
    public Task Log_text_is_not_reported() => Verify.VerifyAsync(InMethod(@"
        Console.WriteLine(""Reading http://169.254.169.254/latest/meta-data/instance-id"");
        Console.Error.WriteLine($""Could not reach {""http://169.254.169.254/latest/""}"");
        await Task.CompletedTask;"));

    [Fact]
    public Task Unused_constants_and_fields_are_not_reported() => Verify.VerifyAsync(InMethod(@"
        await Task.CompletedTask;",
        @"    private const string Unused = ""http://169.254.169.254/latest/meta-data/"";
    private static readonly Uri UnusedUri = new Uri(""http://169.254.169.254/latest/meta-data/"");
    private readonly string _alsoUnused = ""http://[fd00:ec2::254]/latest/user-data"";"));

    [Fact]
    public Task Uri_built_but_never_sent_is_not_reported() => Verify.VerifyAsync(InMethod(@"
        var uri = new Uri(""http://169.254.169.254/latest/meta-data/instance-id"");
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        Console.WriteLine(request.RequestUri);
        await Task.CompletedTask;"));

    [Fact]
    public Task Ecs_task_metadata_and_credentials_are_not_reported() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        await http.GetStringAsync(""http://169.254.170.2/v2/metadata"");
        await http.GetStringAsync(""http://169.254.170.2"" + Environment.GetEnvironmentVariable(""AWS_CONTAINER_CREDENTIALS_RELATIVE_URI""));"));

    [Fact]
    public Task Azure_and_gcp_helpers_on_the_same_address_are_not_reported() => Verify.VerifyAsync(InMethod(@"
        using var azure = new HttpClient { BaseAddress = new Uri(""http://169.254.169.254/metadata/"") };
        azure.DefaultRequestHeaders.Add(""Metadata"", ""true"");
        await azure.GetStringAsync(""instance/compute/vmId?api-version=2021-02-01&format=text"");
        using var web = new WebClient();
        web.Headers.Add(""Metadata-Flavor"", ""Google"");
        web.DownloadString(""http://169.254.169.254/computeMetadata/v1/instance/hostname"");"));

    [Fact]
    public Task Token_request_is_never_imds001() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Put, ""http://169.254.169.254/latest/api/token"");
        request.Headers.Add(""X-aws-ec2-metadata-token-ttl-seconds"", ""21600"");
        await http.SendAsync(request);"));

    [Fact]
    public Task Put_to_latest_with_unknown_rest_is_taken_for_a_token_request() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Put, ""http://169.254.169.254/latest/"" + path);
        await http.SendAsync(request);
        var withTtl = new HttpRequestMessage(HttpMethod.Get, ""http://169.254.169.254/latest/"" + path);
        withTtl.Headers.Add(""X-aws-ec2-metadata-token-ttl-seconds"", ""60"");
        await http.SendAsync(withTtl);"));

    [Fact]
    public Task Get_to_latest_with_unknown_rest_is_a_data_request() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        await {|IMDS001:http.GetStringAsync(""http://169.254.169.254/latest/"" + path)|};"));

    [Fact]
    public Task Client_from_http_client_factory_is_not_reported() => Verify.VerifyAsync(Usings + @"
namespace System.Net.Http
{
    public interface IHttpClientFactory { HttpClient CreateClient(string name); }
}

class C
{
    async Task M(IHttpClientFactory factory)
    {
        var http = factory.CreateClient(""imds"");
        await http.GetStringAsync(""http://169.254.169.254/latest/meta-data/instance-id"");
    }
}");

    [Fact]
    public Task Request_from_a_parameter_is_not_reported_because_its_url_is_unknown() => Verify.VerifyAsync(Usings + @"
class C
{
    Task<HttpResponseMessage> M(HttpClient http, HttpRequestMessage request) => http.SendAsync(request);
}");

    [Fact]
    public Task Generated_code_is_not_analyzed() => Verify.VerifyAsync(@"// <auto-generated/>
" + InMethod(@"
        using var http = new HttpClient();
        await http.GetStringAsync(""http://169.254.169.254/latest/meta-data/instance-id"");"));
}
