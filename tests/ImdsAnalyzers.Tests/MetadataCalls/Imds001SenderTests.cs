using static ImdsAnalyzers.Tests.MetadataCalls.MetadataSources;
using Verify = ImdsAnalyzers.Tests.Verifiers.AnalyzerVerifier<ImdsAnalyzers.MetadataCalls.MetadataCallAnalyzer>;

namespace ImdsAnalyzers.Tests.MetadataCalls;

/// <summary>IMDS001: every sender, reported on the sending invocation.</summary>
public class Imds001SenderTests
{
    private const string Base = @"    private const string MetadataBase = ""http://169.254.169.254/latest/meta-data/"";";

    [Theory]
    [InlineData("GetStringAsync(MetadataBase)")]
    [InlineData("GetStringAsync(new Uri(MetadataBase))")]
    [InlineData("GetStringAsync(MetadataBase, CancellationToken.None)")]
    [InlineData("GetByteArrayAsync(MetadataBase)")]
    [InlineData("GetStreamAsync(MetadataBase)")]
    [InlineData("GetAsync(MetadataBase)")]
    [InlineData("GetAsync(MetadataBase, HttpCompletionOption.ResponseHeadersRead)")]
    [InlineData("GetAsync(new Uri(MetadataBase), HttpCompletionOption.ResponseContentRead, CancellationToken.None)")]
    [InlineData("SendAsync(new HttpRequestMessage(HttpMethod.Get, MetadataBase))")]
    [InlineData("SendAsync(new HttpRequestMessage(HttpMethod.Get, MetadataBase), CancellationToken.None)")]
    [InlineData("SendAsync(new HttpRequestMessage { RequestUri = new Uri(MetadataBase) })")]
    public Task HttpClient_async_senders_are_reported(string call) => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        await {|IMDS001:http." + call + @"|};", Base));

    [Fact]
    public Task HttpClient_send_is_reported() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, MetadataBase + ""instance-id"");
        using var response = {|IMDS001:http.Send(request)|};", Base));

    [Fact]
    public Task Request_message_with_uri_assigned_later_is_reported() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        var request = new HttpRequestMessage();
        request.RequestUri = new Uri(MetadataBase + ""instance-id"");
        await {|IMDS001:http.SendAsync(request)|};", Base));

    [Fact]
    public Task HttpMessageInvoker_is_reported() => Verify.VerifyAsync(InMethod(@"
        using var invoker = new HttpMessageInvoker(new SocketsHttpHandler());
        var request = new HttpRequestMessage(HttpMethod.Get, MetadataBase);
        await {|IMDS001:invoker.SendAsync(request, CancellationToken.None)|};
        {|IMDS001:invoker.Send(new HttpRequestMessage(HttpMethod.Get, MetadataBase), CancellationToken.None)|};", Base));

    [Fact]
    public Task Conditional_access_sender_is_reported() => Verify.VerifyAsync(InMethod(@"
        HttpClient? http = new HttpClient();
        await http?{|IMDS001:.GetStringAsync(MetadataBase)|}!;", Base));

    [Theory]
    [InlineData("DownloadString(MetadataBase)")]
    [InlineData("DownloadString(new Uri(MetadataBase))")]
    [InlineData("DownloadData(MetadataBase)")]
    [InlineData("DownloadFile(MetadataBase, \"out.txt\")")]
    [InlineData("DownloadStringAsync(new Uri(MetadataBase))")]
    [InlineData("DownloadStringTaskAsync(MetadataBase)")]
    [InlineData("DownloadDataTaskAsync(new Uri(MetadataBase))")]
    [InlineData("DownloadFileTaskAsync(MetadataBase, \"out.txt\")")]
    [InlineData("OpenRead(MetadataBase)")]
    [InlineData("OpenReadAsync(new Uri(MetadataBase))")]
    [InlineData("OpenReadTaskAsync(MetadataBase)")]
    [InlineData("OpenWrite(MetadataBase)")]
    public Task WebClient_download_and_open_are_reported(string call) => Verify.VerifyAsync(InMethod(@"
        using var web = new WebClient();
        {|IMDS001:web." + call + @"|};", Base));

    [Fact]
    public Task WebClient_base_address_with_relative_path_is_reported() => Verify.VerifyAsync(InMethod(@"
        using var web = new WebClient { BaseAddress = MetadataBase };
        _ = {|IMDS001:web.DownloadString(""instance-id"")|};", Base));

    [Fact]
    public Task WebRequest_create_then_get_response_is_reported() => Verify.VerifyAsync(InMethod(@"
        var request = WebRequest.Create(MetadataBase + ""instance-type"");
        using var response = {|IMDS001:request.GetResponse()|};", Base));

    [Fact]
    public Task HttpWebRequest_cast_and_async_response_is_reported() => Verify.VerifyAsync(InMethod(@"
        var request = (HttpWebRequest)WebRequest.Create(new Uri(MetadataBase + ""instance-type""));
        request.Timeout = 1000;
        using var response = await {|IMDS001:request.GetResponseAsync()|};", Base));

    [Fact]
    public Task WebRequest_create_http_with_as_cast_is_reported() => Verify.VerifyAsync(InMethod(@"
        var request = WebRequest.Create(MetadataBase) as HttpWebRequest;
        var typed = WebRequest.CreateHttp(MetadataBase);
        using var response = {|IMDS001:request!.GetResponse()|};
        using var other = {|IMDS001:typed.GetResponse()|};", Base));

    [Fact]
    public Task WebRequest_begin_get_response_is_reported() => Verify.VerifyAsync(InMethod(@"
        var request = WebRequest.Create(new Uri(MetadataBase).OriginalString);
        var pending = {|IMDS001:request.BeginGetResponse(null, null)|};", Base));

    [Fact]
    public Task WebRequest_inline_chain_is_reported() => Verify.VerifyAsync(InMethod(@"
        using var response = {|IMDS001:WebRequest.Create(MetadataBase).GetResponse()|};", Base));

    [Fact]
    public Task Derived_client_type_is_reported() => Verify.VerifyAsync(InMethod(@"
        using var http = new MyClient();
        await {|IMDS001:http.GetStringAsync(MetadataBase)|};", Base + @"
    private sealed class MyClient : HttpClient { }"));

    [Fact]
    public Task Same_method_names_on_unrelated_types_are_not_reported() => Verify.VerifyAsync(InMethod(@"
        var fake = new FakeClient();
        await fake.GetStringAsync(MetadataBase);
        fake.DownloadString(MetadataBase);
        fake.GetResponse(MetadataBase);", Base + @"
    private sealed class FakeClient
    {
        public Task<string> GetStringAsync(string url) => Task.FromResult(url);
        public string DownloadString(string url) => url;
        public string GetResponse(string url) => url;
    }"));

    [Fact]
    public Task Post_put_and_upload_to_data_paths_are_not_imds001() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        await http.PostAsync(MetadataBase, null);
        using var web = new WebClient();
        web.UploadString(MetadataBase, ""x"");", Base));

    [Fact]
    public Task Every_sender_in_one_method_is_reported_once() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        var id = await {|IMDS001:http.GetStringAsync(MetadataBase + ""instance-id"")|};
        var region = await {|IMDS001:http.GetStringAsync(MetadataBase + ""placement/region"")|};
        using var web = new WebClient();
        var ami = {|IMDS001:web.DownloadString(MetadataBase + ""ami-id"")|};", Base));
}
