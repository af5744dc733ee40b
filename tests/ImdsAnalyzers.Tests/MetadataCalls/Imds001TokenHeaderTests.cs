using static ImdsAnalyzers.Tests.MetadataCalls.MetadataSources;
using Verify = ImdsAnalyzers.Tests.Verifiers.AnalyzerVerifier<ImdsAnalyzers.MetadataCalls.MetadataCallAnalyzer>;

namespace ImdsAnalyzers.Tests.MetadataCalls;

/// <summary>IMDS001: a token attached in any supported way means no diagnostic; anything else still reports.</summary>
public class Imds001TokenHeaderTests
{
    private const string Base = @"    private const string MetadataBase = ""http://169.254.169.254/latest/meta-data/"";
    private const string TokenHeader = ""X-aws-ec2-metadata-token"";";

    [Theory]
    [InlineData("request.Headers.Add(\"X-aws-ec2-metadata-token\", token);")]
    [InlineData("request.Headers.Add(\"x-AWS-EC2-metadata-TOKEN\", token);")]
    [InlineData("request.Headers.Add(TokenHeader, new[] { token });")]
    [InlineData("request.Headers.TryAddWithoutValidation(\"X-aws-ec2-metadata-token\", token);")]
    [InlineData("if (!request.Headers.TryAddWithoutValidation(TokenHeader, token)) return;")]
    public Task Token_on_request_message_is_not_reported(string attach) => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Get, MetadataBase);
        " + attach + @"
        await http.SendAsync(request);", Base));

    [Fact]
    public Task Token_in_request_collection_initializer_is_not_reported() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, MetadataBase)
        {
            Headers = { { ""X-Aws-Ec2-Metadata-Token"", token } },
        });", Base));

    [Fact]
    public Task Token_in_client_default_headers_is_not_reported() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add(TokenHeader, token);
        await http.GetStringAsync(MetadataBase);
        using var other = new HttpClient { DefaultRequestHeaders = { { TokenHeader, token } } };
        await other.GetStringAsync(MetadataBase);", Base));

    [Fact]
    public Task Token_in_static_client_default_headers_set_in_static_constructor_is_not_reported() => Verify.VerifyAsync(InMethod(@"
        await Http.GetStringAsync(MetadataBase);", Base + @"
    private static readonly HttpClient Http = new HttpClient();
    static C() { Http.DefaultRequestHeaders.TryAddWithoutValidation(TokenHeader, ""t""); }"));

    [Theory]
    [InlineData("web.Headers.Add(\"X-aws-ec2-metadata-token\", token);")]
    [InlineData("web.Headers[\"x-aws-ec2-metadata-token\"] = token;")]
    [InlineData("web.Headers.Set(TokenHeader, token);")]
    [InlineData("web.Headers.Add(\"X-aws-ec2-metadata-token: \" + token);")]
    [InlineData("web.Headers = new WebHeaderCollection { { TokenHeader, token } };")]
    public Task Token_on_web_client_is_not_reported(string attach) => Verify.VerifyAsync(InMethod(@"
        using var web = new WebClient();
        " + attach + @"
        web.DownloadString(MetadataBase);", Base));

    [Fact]
    public Task Token_in_web_client_initializers_is_not_reported() => Verify.VerifyAsync(InMethod(@"
        using var web = new WebClient { Headers = { [TokenHeader] = token } };
        web.DownloadString(MetadataBase);
        using var other = new WebClient { Headers = { { TokenHeader, token } } };
        other.DownloadString(MetadataBase);", Base));

    [Theory]
    [InlineData("request.Headers.Add(\"X-aws-ec2-metadata-token\", token);")]
    [InlineData("request.Headers[TokenHeader] = token;")]
    [InlineData("request.Headers.Add(\"X-aws-ec2-metadata-token:\" + token);")]
    public Task Token_on_web_request_is_not_reported(string attach) => Verify.VerifyAsync(InMethod(@"
        var request = (HttpWebRequest)WebRequest.Create(MetadataBase);
        " + attach + @"
        using var response = request.GetResponse();", Base));

    [Fact]
    public Task Other_headers_do_not_count_as_a_token() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Get, MetadataBase);
        request.Headers.Add(""Accept"", ""text/plain"");
        request.Headers.Add(""X-aws-ec2-metadata-token-ttl-seconds"", ""21600"");
        await {|IMDS001:http.SendAsync(request)|};", Base));

    [Fact]
    public Task Token_added_after_the_send_does_not_count() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        await {|IMDS001:http.GetStringAsync(MetadataBase)|};
        http.DefaultRequestHeaders.Add(TokenHeader, token);
        await http.GetStringAsync(MetadataBase);", Base));

    [Fact]
    public Task Token_on_another_request_does_not_count() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        var first = new HttpRequestMessage(HttpMethod.Get, MetadataBase);
        first.Headers.Add(TokenHeader, token);
        var second = new HttpRequestMessage(HttpMethod.Get, MetadataBase + ""ami-id"");
        await http.SendAsync(first);
        await {|IMDS001:http.SendAsync(second)|};", Base));

    [Fact]
    public Task Token_on_another_web_client_does_not_count() => Verify.VerifyAsync(InMethod(@"
        using var a = new WebClient();
        using var b = new WebClient();
        a.Headers[TokenHeader] = token;
        a.DownloadString(MetadataBase);
        {|IMDS001:b.DownloadString(MetadataBase)|};", Base));

    [Fact]
    public Task Request_handed_to_other_code_before_sending_is_not_reported() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Get, MetadataBase);
        AddToken(request);
        await http.SendAsync(request);", Base + @"
    private static void AddToken(HttpRequestMessage request) { }"));

    [Fact]
    public Task Header_with_a_name_only_known_at_run_time_is_not_reported() => Verify.VerifyAsync(InMethod(@"
        using var web = new WebClient();
        web.Headers[path] = token;
        web.DownloadString(MetadataBase);", Base));

    [Fact]
    public Task Client_with_a_delegating_handler_is_not_reported() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient(new TokenHandler());
        await http.GetStringAsync(MetadataBase);", Base + @"
    private sealed class TokenHandler : DelegatingHandler
    {
        public TokenHandler() : base(new HttpClientHandler()) { }
    }"));

    [Fact]
    public Task Client_with_a_plain_handler_is_reported() => Verify.VerifyAsync(InMethod(@"
        var handler = new HttpClientHandler { UseProxy = false };
        using var http = new HttpClient(handler, disposeHandler: true);
        await {|IMDS001:http.GetStringAsync(MetadataBase)|};
        using var sockets = new HttpClient(new SocketsHttpHandler());
        await {|IMDS001:sockets.GetStringAsync(MetadataBase)|};", Base));

    [Fact]
    public Task Client_from_a_parameter_is_reported() => Verify.VerifyAsync(Usings + @"
class C
{
    Task<string> M(HttpClient http) => {|IMDS001:http.GetStringAsync(""http://169.254.169.254/latest/meta-data/instance-id"")|};
}");

    [Fact]
    public Task Token_set_on_a_field_client_in_another_method_is_not_reported() => Verify.VerifyAsync(InMethod(@"
        await RefreshTokenAsync();
        await _http.GetStringAsync(MetadataBase + ""instance-id"");", Base + @"
    private readonly HttpClient _http = new HttpClient();
    private async Task RefreshTokenAsync()
    {
        _http.DefaultRequestHeaders.Remove(TokenHeader);
        _http.DefaultRequestHeaders.Add(TokenHeader, await Task.FromResult(""t""));
    }"));

    [Fact]
    public Task Other_headers_set_on_a_field_client_in_another_method_do_not_count() => Verify.VerifyAsync(InMethod(@"
        await {|IMDS001:_http.GetStringAsync(MetadataBase + ""instance-id"")|};", Base + @"
    private readonly HttpClient _http = new HttpClient();
    private void Configure() => _http.DefaultRequestHeaders.Add(""Accept"", ""text/plain"");
    private void Other(HttpClient other) => other.DefaultRequestHeaders.Add(TokenHeader, ""t"");"));
}
