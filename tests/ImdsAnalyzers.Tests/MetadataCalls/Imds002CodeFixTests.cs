using Microsoft.CodeAnalysis.Testing;
using static ImdsAnalyzers.Tests.MetadataCalls.MetadataSources;
using Verify = ImdsAnalyzers.Tests.Verifiers.CodeFixVerifier<ImdsAnalyzers.MetadataCalls.MetadataCallAnalyzer, ImdsAnalyzers.CodeFixes.MetadataCalls.MalformedTokenRequestCodeFixProvider>;

namespace ImdsAnalyzers.Tests.MetadataCalls;

/// <summary>
/// IMDS002 fix. The verifier applies each fix, then Fix All in document, project and solution scope,
/// checks the result compiles, and re-runs the analyzer on it: fixed code must report nothing.
/// </summary>
public class Imds002CodeFixTests
{
    private const string Token = @"    private const string TokenUrl = ""http://169.254.169.254/latest/api/token"";";

    /// <summary>The diagnostic stays and no fix is offered: the source must come back unchanged.</summary>
    private static Task VerifyNoFixAsync(string source)
    {
        var test = Verify.Create(source, source);
        return test.RunAsync();
    }

    [Fact]
    public Task Get_method_on_request_message_becomes_put() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Get, TokenUrl);
        request.Headers.Add(""X-aws-ec2-metadata-token-ttl-seconds"", ""21600"");
        using var response = await {|IMDS002:http.SendAsync(request)|};", Token), InMethod(@"
        using var http = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Put, TokenUrl);
        request.Headers.Add(""X-aws-ec2-metadata-token-ttl-seconds"", ""21600"");
        using var response = await http.SendAsync(request);", Token));

    [Fact]
    public Task New_http_method_and_method_assignment_become_put() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        var first = new HttpRequestMessage(new HttpMethod(""POST""), TokenUrl) { Headers = { { ""X-aws-ec2-metadata-token-ttl-seconds"", ""60"" } } };
        await {|IMDS002:http.SendAsync(first)|};
        var second = new HttpRequestMessage { RequestUri = new Uri(TokenUrl) };
        second.Method = HttpMethod.Get; // chosen long ago
        second.Headers.Add(""X-aws-ec2-metadata-token-ttl-seconds"", ""60"");
        await {|IMDS002:http.SendAsync(second)|};", Token), InMethod(@"
        using var http = new HttpClient();
        var first = new HttpRequestMessage(HttpMethod.Put, TokenUrl) { Headers = { { ""X-aws-ec2-metadata-token-ttl-seconds"", ""60"" } } };
        await http.SendAsync(first);
        var second = new HttpRequestMessage { RequestUri = new Uri(TokenUrl) };
        second.Method = HttpMethod.Put; // chosen long ago
        second.Headers.Add(""X-aws-ec2-metadata-token-ttl-seconds"", ""60"");
        await http.SendAsync(second);", Token));

    [Fact]
    public Task Request_message_without_method_or_ttl_gets_both_in_its_initializer() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        var request = new HttpRequestMessage
        {
            RequestUri = new Uri(TokenUrl),
        };
        await {|IMDS002:http.SendAsync(request)|};", Token), InMethod(@"
        using var http = new HttpClient();
        var request = new HttpRequestMessage
        {
            RequestUri = new Uri(TokenUrl),
            Method = HttpMethod.Put,
            Headers = { { ""X-aws-ec2-metadata-token-ttl-seconds"", ""21600"" } },
        };
        await http.SendAsync(request);", Token));

    [Fact]
    public Task Missing_ttl_is_added_to_the_request_initializer() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        using var response = await {|IMDS002:http.SendAsync(new HttpRequestMessage(HttpMethod.Put, TokenUrl))|};", Token), InMethod(@"
        using var http = new HttpClient();
        using var response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Put, TokenUrl) { Headers = { { ""X-aws-ec2-metadata-token-ttl-seconds"", ""21600"" } } });", Token));

    [Fact]
    public Task Missing_ttl_joins_an_existing_headers_initializer() => Verify.VerifyAsync(InMethod(@"
        using var invoker = new HttpMessageInvoker(new SocketsHttpHandler());
        var request = new HttpRequestMessage(HttpMethod.Put, TokenUrl) { Headers = { { ""Accept"", ""text/plain"" } } };
        await {|IMDS002:invoker.SendAsync(request, CancellationToken.None)|};", Token), InMethod(@"
        using var invoker = new HttpMessageInvoker(new SocketsHttpHandler());
        var request = new HttpRequestMessage(HttpMethod.Put, TokenUrl) { Headers = { { ""Accept"", ""text/plain"" }, { ""X-aws-ec2-metadata-token-ttl-seconds"", ""21600"" } } };
        await invoker.SendAsync(request, CancellationToken.None);", Token));

    [Fact]
    public Task Get_string_async_on_the_token_url_becomes_a_put_send() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        var value = await {|IMDS002:http.GetStringAsync(TokenUrl)|};", Token), InMethod(@"
        using var http = new HttpClient();
        var value = await (await http.SendAsync(new HttpRequestMessage(HttpMethod.Put, TokenUrl) { Headers = { { ""X-aws-ec2-metadata-token-ttl-seconds"", ""21600"" } } })).EnsureSuccessStatusCode().Content.ReadAsStringAsync();", Token));

    [Fact]
    public Task Get_string_async_keeps_configure_await_and_cancellation() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        using var cts = new CancellationTokenSource();
        var value = await {|IMDS002:http.GetStringAsync(new Uri(TokenUrl), cts.Token)|}.ConfigureAwait(false);", Token), InMethod(@"
        using var http = new HttpClient();
        using var cts = new CancellationTokenSource();
        var value = await (await http.SendAsync(new HttpRequestMessage(HttpMethod.Put, new Uri(TokenUrl)) { Headers = { { ""X-aws-ec2-metadata-token-ttl-seconds"", ""21600"" } } }, cts.Token).ConfigureAwait(false)).EnsureSuccessStatusCode().Content.ReadAsStringAsync(cts.Token).ConfigureAwait(false);", Token));

    [Fact]
    public Task Computed_cancellation_token_is_not_evaluated_twice() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        var value = await {|IMDS002:http.GetStringAsync(TokenUrl, NextToken())|};", Token + @"
    private static CancellationToken NextToken() => CancellationToken.None;"), InMethod(@"
        using var http = new HttpClient();
        var value = await (await http.SendAsync(new HttpRequestMessage(HttpMethod.Put, TokenUrl) { Headers = { { ""X-aws-ec2-metadata-token-ttl-seconds"", ""21600"" } } }, NextToken())).EnsureSuccessStatusCode().Content.ReadAsStringAsync();", Token + @"
    private static CancellationToken NextToken() => CancellationToken.None;"));

    [Fact]
    public Task Byte_array_and_stream_helpers_read_the_matching_content() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        byte[] bytes = await {|IMDS002:http.GetByteArrayAsync(TokenUrl)|};
        using Stream stream = await ({|IMDS002:http.GetStreamAsync(TokenUrl)|});", Token), InMethod(@"
        using var http = new HttpClient();
        byte[] bytes = await (await http.SendAsync(new HttpRequestMessage(HttpMethod.Put, TokenUrl) { Headers = { { ""X-aws-ec2-metadata-token-ttl-seconds"", ""21600"" } } })).EnsureSuccessStatusCode().Content.ReadAsByteArrayAsync();
        using Stream stream = await (await http.SendAsync(new HttpRequestMessage(HttpMethod.Put, TokenUrl) { Headers = { { ""X-aws-ec2-metadata-token-ttl-seconds"", ""21600"" } } })).EnsureSuccessStatusCode().Content.ReadAsStreamAsync();", Token));

    [Fact]
    public Task Get_async_becomes_send_async_without_needing_an_await() => Verify.VerifyAsync(Usings + @"
class C
{
    const string TokenUrl = ""http://169.254.169.254/latest/api/token"";
    Task<HttpResponseMessage> M(HttpClient http, CancellationToken ct) => {|IMDS002:http.GetAsync(TokenUrl, HttpCompletionOption.ResponseHeadersRead, ct)|};
}", Usings + @"
class C
{
    const string TokenUrl = ""http://169.254.169.254/latest/api/token"";
    Task<HttpResponseMessage> M(HttpClient http, CancellationToken ct) => http.SendAsync(new HttpRequestMessage(HttpMethod.Put, TokenUrl) { Headers = { { ""X-aws-ec2-metadata-token-ttl-seconds"", ""21600"" } } }, HttpCompletionOption.ResponseHeadersRead, ct);
}");

    [Fact]
    public Task Put_and_post_helpers_become_send_async_with_their_content() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        await {|IMDS002:http.PutAsync(TokenUrl, null)|};
        await {|IMDS002:http.PostAsync(TokenUrl, new StringContent(""""), CancellationToken.None)|};", Token), InMethod(@"
        using var http = new HttpClient();
        await http.SendAsync(new HttpRequestMessage(HttpMethod.Put, TokenUrl) { Headers = { { ""X-aws-ec2-metadata-token-ttl-seconds"", ""21600"" } } });
        await http.SendAsync(new HttpRequestMessage(HttpMethod.Put, TokenUrl) { Content = new StringContent(""""), Headers = { { ""X-aws-ec2-metadata-token-ttl-seconds"", ""21600"" } } }, CancellationToken.None);", Token));

    [Fact]
    public Task Helper_with_ttl_in_default_headers_gets_only_the_method_fixed() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add(""X-aws-ec2-metadata-token-ttl-seconds"", ""300"");
        var value = await {|IMDS002:http.GetStringAsync(TokenUrl)|};", Token), InMethod(@"
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add(""X-aws-ec2-metadata-token-ttl-seconds"", ""300"");
        var value = await (await http.SendAsync(new HttpRequestMessage(HttpMethod.Put, TokenUrl))).EnsureSuccessStatusCode().Content.ReadAsStringAsync();", Token));

    [Fact]
    public Task Get_string_async_that_is_not_awaited_has_no_fix() => VerifyNoFixAsync(Usings + @"
class C
{
    Task<string> M(HttpClient http) => {|IMDS002:http.GetStringAsync(""http://169.254.169.254/latest/api/token"")|};
}");

    [Theory]
    [InlineData("request.Headers.Add(\"X-aws-ec2-metadata-token-ttl-seconds\", \"0\");", "request.Headers.Add(\"X-aws-ec2-metadata-token-ttl-seconds\", \"21600\");")]
    [InlineData("request.Headers.Add(\"X-aws-ec2-metadata-token-ttl-seconds\", 86400.ToString());", "request.Headers.Add(\"X-aws-ec2-metadata-token-ttl-seconds\", \"21600\");")]
    [InlineData("request.Headers.TryAddWithoutValidation(\"X-aws-ec2-metadata-token-ttl-seconds\", new[] { \"99999\" });", "request.Headers.TryAddWithoutValidation(\"X-aws-ec2-metadata-token-ttl-seconds\", \"21600\");")]
    public Task Ttl_out_of_range_is_set_to_21600(string before, string after) => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Put, TokenUrl);
        " + before + @"
        await {|IMDS002:http.SendAsync(request)|};", Token), InMethod(@"
        using var http = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Put, TokenUrl);
        " + after + @"
        await http.SendAsync(request);", Token));

    [Fact]
    public Task Ttl_out_of_range_in_initializer_and_default_headers_is_set_to_21600() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient { DefaultRequestHeaders = { { ""X-aws-ec2-metadata-token-ttl-seconds"", ""-1"" } } };
        await {|IMDS002:http.PutAsync(TokenUrl, null)|};
        await {|IMDS002:http.SendAsync(new HttpRequestMessage(HttpMethod.Put, TokenUrl) { Headers = { { ""X-aws-ec2-metadata-token-ttl-seconds"", /* a day */ ""86400"" } } })|};", Token), InMethod(@"
        using var http = new HttpClient { DefaultRequestHeaders = { { ""X-aws-ec2-metadata-token-ttl-seconds"", ""21600"" } } };
        await http.PutAsync(TokenUrl, null);
        await http.SendAsync(new HttpRequestMessage(HttpMethod.Put, TokenUrl) { Headers = { { ""X-aws-ec2-metadata-token-ttl-seconds"", /* a day */ ""21600"" } } });", Token));

    [Fact]
    public Task Forwarded_for_statement_is_removed() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Put, TokenUrl);
        request.Headers.Add(""X-aws-ec2-metadata-token-ttl-seconds"", ""21600"");
        request.Headers.Add(""X-Forwarded-For"", ""10.0.0.1"");
        // send it
        await {|IMDS002:http.SendAsync(request)|};", Token), InMethod(@"
        using var http = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Put, TokenUrl);
        request.Headers.Add(""X-aws-ec2-metadata-token-ttl-seconds"", ""21600"");
        // send it
        await http.SendAsync(request);", Token));

    [Fact]
    public Task Forwarded_for_initializer_elements_are_removed() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient { DefaultRequestHeaders = { { ""X-Forwarded-For"", ""10.0.0.1"" } }, Timeout = TimeSpan.FromSeconds(1) };
        await {|IMDS002:http.SendAsync(new HttpRequestMessage(HttpMethod.Put, TokenUrl) { Headers = { { ""X-Forwarded-For"", ""a"" }, { ""X-aws-ec2-metadata-token-ttl-seconds"", ""60"" } } })|};", Token), InMethod(@"
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        await http.SendAsync(new HttpRequestMessage(HttpMethod.Put, TokenUrl) { Headers = { { ""X-aws-ec2-metadata-token-ttl-seconds"", ""60"" } } });", Token));

    [Fact]
    public Task Forwarded_for_inside_a_condition_has_no_fix() => VerifyNoFixAsync(InMethod(@"
        using var http = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Put, TokenUrl);
        request.Headers.Add(""X-aws-ec2-metadata-token-ttl-seconds"", ""21600"");
        if (!request.Headers.TryAddWithoutValidation(""X-Forwarded-For"", ""10.0.0.1"")) return;
        await {|IMDS002:http.SendAsync(request)|};", Token));

    [Fact]
    public Task Dated_path_moves_to_latest_keeping_the_host_and_type() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        await {|IMDS002:http.SendAsync(new HttpRequestMessage(HttpMethod.Put, ""http://[fd00:ec2::254]/2021-03-23/api/token"") { Headers = { { ""X-aws-ec2-metadata-token-ttl-seconds"", ""60"" } } })|};
        var request = new HttpRequestMessage(HttpMethod.Put, new Uri(""http://169.254.169.254:80/2019-10-01/api/token""));
        request.Headers.Add(""X-aws-ec2-metadata-token-ttl-seconds"", ""60"");
        await {|IMDS002:http.SendAsync(request)|};"), InMethod(@"
        using var http = new HttpClient();
        await http.SendAsync(new HttpRequestMessage(HttpMethod.Put, ""http://[fd00:ec2::254]/latest/api/token"") { Headers = { { ""X-aws-ec2-metadata-token-ttl-seconds"", ""60"" } } });
        var request = new HttpRequestMessage(HttpMethod.Put, new Uri(""http://169.254.169.254:80/latest/api/token""));
        request.Headers.Add(""X-aws-ec2-metadata-token-ttl-seconds"", ""60"");
        await http.SendAsync(request);"));

    [Fact]
    public Task Web_request_gets_method_and_ttl_after_it_is_created() => Verify.VerifyAsync(InMethod(@"
        var request = (HttpWebRequest)WebRequest.Create(TokenUrl);
        request.Timeout = 1000;
        using var response = {|IMDS002:request.GetResponse()|};", Token), InMethod(@"
        var request = (HttpWebRequest)WebRequest.Create(TokenUrl);
        request.Method = ""PUT"";
        request.Headers[""X-aws-ec2-metadata-token-ttl-seconds""] = ""21600"";
        request.Timeout = 1000;
        using var response = request.GetResponse();", Token));

    [Fact]
    public Task Web_request_method_assignment_becomes_put() => Verify.VerifyAsync(InMethod(@"
        var request = WebRequest.Create(new Uri(TokenUrl));
        request.Method = WebRequestMethods.Http.Get;
        request.Headers.Add(""X-aws-ec2-metadata-token-ttl-seconds: 0"");
        using var response = await {|IMDS002:request.GetResponseAsync()|};", Token), InMethod(@"
        var request = WebRequest.Create(new Uri(TokenUrl));
        request.Method = ""PUT"";
        request.Headers.Add(""X-aws-ec2-metadata-token-ttl-seconds: 21600"");
        using var response = await request.GetResponseAsync();", Token));

    [Fact]
    public Task Web_request_created_inline_has_no_fix() => VerifyNoFixAsync(InMethod(@"
        using var response = {|IMDS002:WebRequest.Create(TokenUrl).GetResponse()|};", Token));

    [Fact]
    public Task Web_client_download_becomes_upload_put_with_ttl() => Verify.VerifyAsync(InMethod(@"
        using var web = new WebClient();
        var value = {|IMDS002:web.DownloadString(TokenUrl)|};
        var bytes = await {|IMDS002:web.DownloadDataTaskAsync(new Uri(TokenUrl))|};", Token), InMethod(@"
        using var web = new WebClient();
        web.Headers[""X-aws-ec2-metadata-token-ttl-seconds""] = ""21600"";
        var value = web.UploadString(TokenUrl, ""PUT"", """");
        var bytes = await web.UploadDataTaskAsync(new Uri(TokenUrl), ""PUT"", new byte[0]);", Token));

    [Fact]
    public Task Web_client_upload_gets_put() => Verify.VerifyAsync(InMethod(@"
        using var web = new WebClient { Headers = { { ""X-aws-ec2-metadata-token-ttl-seconds"", ""60"" } } };
        var first = {|IMDS002:web.UploadString(TokenUrl, """")|};
        var second = {|IMDS002:web.UploadData(TokenUrl, ""POST"", new byte[0])|};", Token), InMethod(@"
        using var web = new WebClient { Headers = { { ""X-aws-ec2-metadata-token-ttl-seconds"", ""60"" } } };
        var first = web.UploadString(TokenUrl, ""PUT"", """");
        var second = web.UploadData(TokenUrl, ""PUT"", new byte[0]);", Token));

    [Fact]
    public Task Web_client_open_read_has_no_fix() => VerifyNoFixAsync(InMethod(@"
        using var web = new WebClient();
        web.Headers[""X-aws-ec2-metadata-token-ttl-seconds""] = ""60"";
        using var stream = {|IMDS002:web.OpenRead(TokenUrl)|};", Token));

    [Fact]
    public Task Fix_all_repairs_every_token_request_in_the_document_once() => Verify.VerifyAsync(InMethod(@"
        using var web = new WebClient();
        web.Headers.Add(""X-Forwarded-For"", ""10.0.0.1"");
        var a = {|IMDS002:web.DownloadString(TokenUrl)|};
        var b = {|IMDS002:web.DownloadString(TokenUrl)|};
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add(""X-aws-ec2-metadata-token-ttl-seconds"", ""0"");
        await {|IMDS002:http.PutAsync(TokenUrl, null)|};
        await {|IMDS002:http.PutAsync(TokenUrl, null)|};
        var request = new HttpRequestMessage(HttpMethod.Get, ""http://169.254.169.254/2020-01-01/api/token"");
        await {|IMDS002:http.SendAsync(request)|};", Token), InMethod(@"
        using var web = new WebClient();
        web.Headers[""X-aws-ec2-metadata-token-ttl-seconds""] = ""21600"";
        var a = web.UploadString(TokenUrl, ""PUT"", """");
        var b = web.UploadString(TokenUrl, ""PUT"", """");
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add(""X-aws-ec2-metadata-token-ttl-seconds"", ""21600"");
        await http.PutAsync(TokenUrl, null);
        await http.PutAsync(TokenUrl, null);
        var request = new HttpRequestMessage(HttpMethod.Put, ""http://169.254.169.254/latest/api/token"");
        await http.SendAsync(request);", Token));

    [Fact]
    public Task Fix_all_across_documents()
    {
        var test = Verify.Create(InMethod(@"
        using var http = new HttpClient();
        await {|IMDS002:http.GetAsync(TokenUrl)|};", Token), InMethod(@"
        using var http = new HttpClient();
        await http.SendAsync(new HttpRequestMessage(HttpMethod.Put, TokenUrl) { Headers = { { ""X-aws-ec2-metadata-token-ttl-seconds"", ""21600"" } } });", Token));
        test.TestState.Sources.Add(@"using System.Net.Http;
class D
{
    System.Threading.Tasks.Task M(HttpClient http) => {|IMDS002:http.PostAsync(""http://169.254.169.254/latest/api/token"", null)|};
}");
        test.FixedState.Sources.Add(@"using System.Net.Http;
class D
{
    System.Threading.Tasks.Task M(HttpClient http) => http.SendAsync(new HttpRequestMessage(HttpMethod.Put, ""http://169.254.169.254/latest/api/token"") { Headers = { { ""X-aws-ec2-metadata-token-ttl-seconds"", ""21600"" } } });
}");
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_keeps_unrelated_imds001_diagnostics_and_code()
    {
        var test = Verify.Create(InMethod(@"
        using var http = new HttpClient();
        var session = await {|IMDS002:http.GetStringAsync(TokenUrl)|}; // the token
        var id = await {|IMDS001:http.GetStringAsync(""http://169.254.169.254/latest/meta-data/instance-id"")|};", Token), InMethod(@"
        using var http = new HttpClient();
        var session = await (await http.SendAsync(new HttpRequestMessage(HttpMethod.Put, TokenUrl) { Headers = { { ""X-aws-ec2-metadata-token-ttl-seconds"", ""21600"" } } })).EnsureSuccessStatusCode().Content.ReadAsStringAsync(); // the token
        var id = await {|IMDS001:http.GetStringAsync(""http://169.254.169.254/latest/meta-data/instance-id"")|};", Token));
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_in_a_document_with_errors_elsewhere_still_applies()
    {
        var test = Verify.Create(InMethod(@"
        using var http = new HttpClient();
        var broken = new NoSuchType(;
        await {|IMDS002:http.SendAsync(new HttpRequestMessage(HttpMethod.Get, TokenUrl))|};", Token), InMethod(@"
        using var http = new HttpClient();
        var broken = new NoSuchType(;
        await http.SendAsync(new HttpRequestMessage(HttpMethod.Put, TokenUrl) { Headers = { { ""X-aws-ec2-metadata-token-ttl-seconds"", ""21600"" } } });", Token));
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        return test.RunAsync();
    }

    [Fact]
    public Task Request_with_a_broken_header_call_gets_no_fix_and_no_exception()
    {
        var source = InMethod(@"
        using var http = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Put, TokenUrl) { Headers = { { ""X-Forwarded-For"" } } };
        await {|IMDS002:http.SendAsync(request)|};", Token);
        var test = Verify.Create(source, source);
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        return test.RunAsync();
    }

    [Fact]
    public Task Derived_client_calling_its_own_helper_is_fixed() => Verify.VerifyAsync(Usings + @"
class ImdsClient : HttpClient
{
    public async Task<HttpResponseMessage> TokenAsync() => await {|IMDS002:GetAsync(""http://169.254.169.254/latest/api/token"")|};
}", Usings + @"
class ImdsClient : HttpClient
{
    public async Task<HttpResponseMessage> TokenAsync() => await SendAsync(new HttpRequestMessage(HttpMethod.Put, ""http://169.254.169.254/latest/api/token"") { Headers = { { ""X-aws-ec2-metadata-token-ttl-seconds"", ""21600"" } } });
}");

    [Fact]
    public Task Web_client_open_write_and_delete_helper_become_put() => Verify.VerifyAsync(InMethod(@"
        using var web = new WebClient();
        web.Headers.Set(""X-aws-ec2-metadata-token-ttl-seconds"", ""60"");
        using var stream = {|IMDS002:web.OpenWrite(TokenUrl)|};
        using var http = new HttpClient();
        await {|IMDS002:http.DeleteAsync(new Uri(TokenUrl), CancellationToken.None)|};", Token), InMethod(@"
        using var web = new WebClient();
        web.Headers.Set(""X-aws-ec2-metadata-token-ttl-seconds"", ""60"");
        using var stream = web.OpenWrite(TokenUrl, ""PUT"");
        using var http = new HttpClient();
        await http.SendAsync(new HttpRequestMessage(HttpMethod.Put, new Uri(TokenUrl)) { Headers = { { ""X-aws-ec2-metadata-token-ttl-seconds"", ""21600"" } } }, CancellationToken.None);", Token));

    [Fact]
    public Task Dated_paths_on_web_request_and_web_client_move_to_latest() => Verify.VerifyAsync(InMethod(@"
        var request = WebRequest.Create(""http://169.254.169.254/2021-03-23/api/token"");
        request.Method = ""PUT"";
        request.Headers[""X-aws-ec2-metadata-token-ttl-seconds""] = ""60"";
        using var response = {|IMDS002:request.GetResponse()|};
        using var web = new WebClient();
        web.Headers[""X-aws-ec2-metadata-token-ttl-seconds""] = ""60"";
        var value = {|IMDS002:web.DownloadString(new Uri(""http://169.254.169.254/2021-03-23/api/token""))|};"), InMethod(@"
        var request = WebRequest.Create(""http://169.254.169.254/latest/api/token"");
        request.Method = ""PUT"";
        request.Headers[""X-aws-ec2-metadata-token-ttl-seconds""] = ""60"";
        using var response = request.GetResponse();
        using var web = new WebClient();
        web.Headers[""X-aws-ec2-metadata-token-ttl-seconds""] = ""60"";
        var value = web.UploadString(new Uri(""http://169.254.169.254/latest/api/token""), ""PUT"", """");"));
}
