using static ImdsAnalyzers.Tests.MetadataCalls.MetadataSources;
using Verify = ImdsAnalyzers.Tests.Verifiers.AnalyzerVerifier<ImdsAnalyzers.MetadataCalls.MetadataCallAnalyzer>;

namespace ImdsAnalyzers.Tests.MetadataCalls;

/// <summary>Complete IMDSv2 flows written the usual ways report nothing; the same flows without the token report.</summary>
public class ImdsV2FlowTests
{
    [Fact]
    public Task Http_client_flow_is_clean() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Put, ""http://169.254.169.254/latest/api/token"");
        tokenRequest.Headers.Add(""X-aws-ec2-metadata-token-ttl-seconds"", ""21600"");
        using var tokenResponse = await http.SendAsync(tokenRequest);
        var session = await tokenResponse.Content.ReadAsStringAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, ""http://169.254.169.254/latest/meta-data/instance-id"");
        request.Headers.Add(""X-aws-ec2-metadata-token"", session);
        using var response = await http.SendAsync(request);"));

    [Fact]
    public Task Web_client_flow_is_clean() => Verify.VerifyAsync(InMethod(@"
        using var web = new WebClient();
        web.Headers[""X-aws-ec2-metadata-token-ttl-seconds""] = ""21600"";
        var session = web.UploadString(""http://169.254.169.254/latest/api/token"", ""PUT"", """");
        web.Headers[""X-aws-ec2-metadata-token""] = session;
        var id = web.DownloadString(""http://169.254.169.254/latest/meta-data/instance-id"");"));

    [Fact]
    public Task Web_request_flow_is_clean() => Verify.VerifyAsync(InMethod(@"
        var tokenRequest = (HttpWebRequest)WebRequest.Create(""http://169.254.169.254/latest/api/token"");
        tokenRequest.Method = ""PUT"";
        tokenRequest.Headers.Add(""X-aws-ec2-metadata-token-ttl-seconds"", ""21600"");
        string session;
        using (var tokenResponse = tokenRequest.GetResponse())
        using (var reader = new StreamReader(tokenResponse.GetResponseStream()))
        {
            session = reader.ReadToEnd();
        }

        var request = WebRequest.Create(""http://169.254.169.254/latest/meta-data/instance-id"");
        request.Headers[""X-aws-ec2-metadata-token""] = session;
        using var response = request.GetResponse();"));

    [Fact]
    public Task Token_from_a_helper_in_an_initializer_is_clean() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, MetadataBase + ""instance-id"")
        {
            Headers = { { Imds.TokenHeader, await Imds.GetTokenAsync(http) } },
        });", @"    const string MetadataBase = ""http://169.254.169.254/latest/meta-data/"";
    static class Imds
    {
        public static readonly string TokenHeader = ""X-aws-ec2-metadata-token"";
        public static Task<string> GetTokenAsync(HttpClient http) => Task.FromResult("""");
    }"));

    [Fact]
    public Task Request_made_by_a_helper_is_not_reported() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        var request = CreateRequest();
        request.RequestUri = new Uri(""http://169.254.169.254/latest/meta-data/instance-id"");
        await http.SendAsync(request);", @"    static HttpRequestMessage CreateRequest() => new HttpRequestMessage();"));

    [Fact]
    public Task Client_made_by_a_helper_is_not_reported() => Verify.VerifyAsync(InMethod(@"
        var http = CreateClient();
        await http.GetStringAsync(""http://169.254.169.254/latest/meta-data/instance-id"");", @"    static HttpClient CreateClient() => new HttpClient();"));

    [Fact]
    public Task Flow_without_the_token_header_reports_only_the_data_request() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        var tokenRequest = new HttpRequestMessage(HttpMethod.Put, ""http://169.254.169.254/latest/api/token"");
        tokenRequest.Headers.Add(""X-aws-ec2-metadata-token-ttl-seconds"", ""21600"");
        var session = await (await http.SendAsync(tokenRequest)).Content.ReadAsStringAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, ""http://169.254.169.254/latest/meta-data/instance-id"");
        request.Headers.Add(""X-aws-ec2-metadata-token-ttl-seconds"", session);
        await {|IMDS001:http.SendAsync(request)|};"));
}
