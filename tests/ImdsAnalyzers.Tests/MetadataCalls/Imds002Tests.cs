using static ImdsAnalyzers.Tests.MetadataCalls.MetadataSources;
using Verify = ImdsAnalyzers.Tests.Verifiers.AnalyzerVerifier<ImdsAnalyzers.MetadataCalls.MetadataCallAnalyzer>;

namespace ImdsAnalyzers.Tests.MetadataCalls;

/// <summary>IMDS002: each way a token request can be malformed, and well-formed ones.</summary>
public class Imds002Tests
{
    private const string Token = @"    private const string TokenUrl = ""http://169.254.169.254/latest/api/token"";
    private const string TtlHeader = ""X-aws-ec2-metadata-token-ttl-seconds"";";

    [Fact]
    public Task Well_formed_request_message_is_not_reported() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Put, TokenUrl);
        request.Headers.Add(TtlHeader, ""21600"");
        using var response = await http.SendAsync(request);", Token));

    [Theory]
    [InlineData("\"1\"")]
    [InlineData("\"21600\"")]
    [InlineData("\" 300 \"")]
    [InlineData("300.ToString()")]
    [InlineData("(6 * 3600).ToString(System.Globalization.CultureInfo.InvariantCulture)")]
    [InlineData("path")]
    public Task Valid_or_unknown_ttl_is_not_reported(string ttl) => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        await http.SendAsync(new HttpRequestMessage(HttpMethod.Put, TokenUrl) { Headers = { { TtlHeader, " + ttl + @" } } });", Token));

    [Theory]
    [InlineData("\"0\"")]
    [InlineData("\"21601\"")]
    [InlineData("\"-5\"")]
    [InlineData("\"six hours\"")]
    [InlineData("\"\"")]
    [InlineData("86400.ToString()")]
    public Task Ttl_outside_range_is_reported(string ttl) => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        await {|#0:http.SendAsync(new HttpRequestMessage(HttpMethod.Put, TokenUrl) { Headers = { { TtlHeader, " + ttl + @" } } })|};", Token),
        expected: Verify.Diagnostic("IMDS002").WithLocation(0).WithArguments("http://169.254.169.254/latest/api/token", "its 'X-aws-ec2-metadata-token-ttl-seconds' value is outside 1..21600 (IMDS answers 400)"));

    [Fact]
    public Task Missing_ttl_is_reported() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        await {|IMDS002:http.SendAsync(new HttpRequestMessage(HttpMethod.Put, TokenUrl))|};", Token));

    [Theory]
    [InlineData("HttpMethod.Get")]
    [InlineData("HttpMethod.Post")]
    [InlineData("new HttpMethod(\"get\")")]
    public Task Method_other_than_put_is_reported(string method) => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        var request = new HttpRequestMessage(" + method + @", TokenUrl);
        request.Headers.TryAddWithoutValidation(TtlHeader, ""60"");
        await {|IMDS002:http.SendAsync(request)|};", Token));

    [Fact]
    public Task Put_from_new_http_method_or_method_assignment_is_not_reported() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        var put = new HttpMethod(""PUT"");
        await http.SendAsync(new HttpRequestMessage(put, TokenUrl) { Headers = { { TtlHeader, ""60"" } } });
        var request = new HttpRequestMessage { RequestUri = new Uri(TokenUrl) };
        request.Method = HttpMethod.Put;
        request.Headers.Add(TtlHeader, ""60"");
        await http.SendAsync(request);", Token));

    [Fact]
    public Task Request_message_without_method_defaults_to_get() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        await {|#0:http.SendAsync(new HttpRequestMessage { RequestUri = new Uri(TokenUrl), Headers = { { TtlHeader, ""60"" } } })|};", Token),
        expected: Verify.Diagnostic("IMDS002").WithLocation(0).WithArguments("http://169.254.169.254/latest/api/token", "it is sent with GET instead of PUT; IMDS issues tokens only for PUT"));

    [Theory]
    [InlineData("GetStringAsync(TokenUrl)")]
    [InlineData("GetByteArrayAsync(new Uri(TokenUrl))")]
    [InlineData("GetStreamAsync(TokenUrl)")]
    [InlineData("GetAsync(TokenUrl)")]
    public Task Get_helpers_on_the_token_url_are_reported(string call) => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        await {|#0:http." + call + @"|};", Token),
        expected: Verify.Diagnostic("IMDS002").WithLocation(0).WithArguments(
            "http://169.254.169.254/latest/api/token",
            "it is sent with GET instead of PUT; IMDS issues tokens only for PUT; it has no 'X-aws-ec2-metadata-token-ttl-seconds' header (IMDS answers 400)"));

    [Fact]
    public Task Ttl_in_default_headers_counts_for_helpers() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add(TtlHeader, ""21600"");
        await http.PutAsync(TokenUrl, null);
        await {|IMDS002:http.PostAsync(TokenUrl, null)|};", Token));

    [Fact]
    public Task Put_async_without_ttl_is_reported() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        await {|IMDS002:http.PutAsync(TokenUrl, new StringContent(""""))|};", Token));

    [Fact]
    public Task Forwarded_for_header_is_reported() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Put, TokenUrl);
        request.Headers.Add(TtlHeader, ""21600"");
        request.Headers.Add(""x-forwarded-for"", ""10.0.0.1"");
        await {|#0:http.SendAsync(request)|};", Token),
        expected: Verify.Diagnostic("IMDS002").WithLocation(0).WithArguments("http://169.254.169.254/latest/api/token", "it carries an 'X-Forwarded-For' header, which IMDS rejects on token requests"));

    [Fact]
    public Task Forwarded_for_in_default_headers_is_reported() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient { DefaultRequestHeaders = { { ""X-Forwarded-For"", ""10.0.0.1"" } } };
        await {|IMDS002:http.SendAsync(new HttpRequestMessage(HttpMethod.Put, TokenUrl) { Headers = { { TtlHeader, ""60"" } } })|};", Token));

    [Fact]
    public Task Dated_token_path_is_reported() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Put, ""http://169.254.169.254/2021-03-23/api/token"");
        request.Headers.Add(TtlHeader, ""21600"");
        await {|#0:http.SendAsync(request)|};", Token),
        expected: Verify.Diagnostic("IMDS002").WithLocation(0).WithArguments("http://169.254.169.254/2021-03-23/api/token", "it uses a dated version path; only /latest/api/token issues tokens (IMDS answers 403)"));

    [Fact]
    public Task Ipv6_token_endpoint_is_checked() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        await {|IMDS002:http.GetStringAsync(""http://[FD00:EC2::254]/latest/api/token"")|};", Token));

    [Fact]
    public Task Every_problem_at_once() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Post, ""http://169.254.169.254/2019-10-01/api/token"");
        request.Headers.Add(TtlHeader, ""999999"");
        request.Headers.Add(""X-Forwarded-For"", ""1.2.3.4"");
        await {|#0:http.SendAsync(request)|};", Token),
        expected: Verify.Diagnostic("IMDS002").WithLocation(0).WithArguments(
            "http://169.254.169.254/2019-10-01/api/token",
            "it is sent with POST instead of PUT; IMDS issues tokens only for PUT; its 'X-aws-ec2-metadata-token-ttl-seconds' value is outside 1..21600 (IMDS answers 400); it carries an 'X-Forwarded-For' header, which IMDS rejects on token requests; it uses a dated version path; only /latest/api/token issues tokens (IMDS answers 403)"));

    [Fact]
    public Task Web_request_token_request_is_checked() => Verify.VerifyAsync(InMethod(@"
        var good = (HttpWebRequest)WebRequest.Create(TokenUrl);
        good.Method = ""PUT"";
        good.Headers.Add(TtlHeader, ""21600"");
        using var goodResponse = good.GetResponse();
        var bad = WebRequest.Create(TokenUrl);
        bad.Headers[TtlHeader] = ""0"";
        using var badResponse = {|IMDS002:bad.GetResponse()|};", Token));

    [Fact]
    public Task Web_client_token_request_is_checked() => Verify.VerifyAsync(InMethod(@"
        using var web = new WebClient();
        web.Headers.Add(TtlHeader + "": 21600"");
        web.UploadString(TokenUrl, ""PUT"", """");
        {|IMDS002:web.UploadString(TokenUrl, """")|};
        {|IMDS002:web.DownloadString(TokenUrl)|};
        await {|IMDS002:web.UploadDataTaskAsync(TokenUrl, ""POST"", new byte[0])|};", Token));

    [Fact]
    public Task Token_request_whose_headers_are_set_elsewhere_is_only_checked_for_what_is_visible() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Put, TokenUrl);
        Prepare(request);
        await http.SendAsync(request);
        var get = new HttpRequestMessage(HttpMethod.Get, TokenUrl);
        Prepare(get);
        await {|IMDS002:http.SendAsync(get)|};", Token + @"
    private static void Prepare(HttpRequestMessage request) => request.Headers.Add(TtlHeader, ""60"");"));

    [Fact]
    public Task Token_request_with_unknown_method_is_not_reported_for_method() => Verify.VerifyAsync(Usings + @"
class C
{
    const string TokenUrl = ""http://169.254.169.254/latest/api/token"";
    Task M(HttpClient http, HttpMethod method) =>
        http.SendAsync(new HttpRequestMessage(method, TokenUrl) { Headers = { { ""X-aws-ec2-metadata-token-ttl-seconds"", ""60"" } } });
}");
}
