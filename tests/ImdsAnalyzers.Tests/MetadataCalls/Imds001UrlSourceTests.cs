using Microsoft.CodeAnalysis.Testing;
using static ImdsAnalyzers.Tests.MetadataCalls.MetadataSources;
using Verify = ImdsAnalyzers.Tests.Verifiers.AnalyzerVerifier<ImdsAnalyzers.MetadataCalls.MetadataCallAnalyzer>;

namespace ImdsAnalyzers.Tests.MetadataCalls;

/// <summary>IMDS001: every place the URL can come from.</summary>
public class Imds001UrlSourceTests
{
    private const string Base = @"    private const string MetadataBase = ""http://169.254.169.254/latest/meta-data/"";";

    [Fact]
    public Task Constant_in_same_class() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        await {|IMDS001:http.GetStringAsync(MetadataBase)|};", Base));

    [Fact]
    public Task Constant_in_another_class_and_file()
    {
        var test = Verify.Create(InMethod(@"
        using var http = new HttpClient();
        await {|IMDS001:http.GetStringAsync(Imds.Endpoints.InstanceId)|};"));
        test.TestState.Sources.Add(@"namespace Imds
{
    public static class Endpoints
    {
        public const string Root = ""http://169.254.169.254"";
        public const string InstanceId = Root + ""/latest/meta-data/instance-id"";
    }
}");
        return test.RunAsync();
    }

    [Fact]
    public Task Static_readonly_field_in_another_file()
    {
        var test = Verify.Create(InMethod(@"
        using var http = new HttpClient();
        await {|IMDS001:http.GetStringAsync(Settings.Url)|};"));
        test.TestState.Sources.Add(@"static class Settings
{
    public static readonly string Url = Prefix + ""instance-id"";
    private const string Prefix = ""http://169.254.169.254/latest/meta-data/"";
}");
        return test.RunAsync();
    }

    [Fact]
    public Task Concatenation_of_constant_and_literal() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        await {|IMDS001:http.GetStringAsync(MetadataBase + ""placement/"" + ""region"")|};", Base));

    [Fact]
    public Task Concatenation_with_unknown_part_is_reported_on_its_known_prefix() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        await {|IMDS001:http.GetStringAsync(MetadataBase + path)|};", Base));

    [Fact]
    public Task Interpolation() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        var host = ""169.254.169.254"";
        await {|IMDS001:http.GetStringAsync($""http://{host}/latest/meta-data/{path}"")|};"));

    [Fact]
    public Task Interpolation_with_constant_holes() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        await {|IMDS001:http.GetStringAsync($""{MetadataBase}{""instance-id""}"")|};", Base));

    [Fact]
    public Task String_format() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        await {|IMDS001:http.GetStringAsync(string.Format(""http://{0}/latest/meta-data/{1}"", ""169.254.169.254"", path))|};"));

    [Fact]
    public Task String_format_with_provider() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        await {|IMDS001:http.GetStringAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, ""{0}{1}"", MetadataBase, ""ami-id""))|};", Base));

    [Fact]
    public Task String_format_with_escaped_braces() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        await {|IMDS001:http.GetStringAsync(string.Format(""{0}?q={{x}}"", MetadataBase))|};", Base));

    [Fact]
    public Task String_format_whose_format_starts_unknown_is_not_reported() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        await http.GetStringAsync(string.Format(""{0}{1}"", path, MetadataBase));", Base));

    [Fact]
    public Task String_format_with_params_array() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        await {|IMDS001:http.GetStringAsync(string.Format(""{0}://{1}/{2}/{3}"", ""http"", ""169.254.169.254"", ""latest"", ""meta-data""))|};"));

    [Fact]
    public Task String_concat() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        await {|IMDS001:http.GetStringAsync(string.Concat(""http://169.254.169.254"", ""/latest/"", ""meta-data/"", ""ami-id"", path))|};"));

    [Fact]
    public Task New_uri_from_string() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        await {|IMDS001:http.GetStringAsync(new Uri(MetadataBase + ""instance-id""))|};", Base));

    [Fact]
    public Task New_uri_with_base_and_relative() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        var baseUri = new Uri(""http://169.254.169.254/latest/"");
        await {|IMDS001:http.GetStringAsync(new Uri(baseUri, ""meta-data/instance-id""))|};"));

    [Fact]
    public Task New_uri_with_base_and_unknown_relative() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        await {|IMDS001:http.GetStringAsync(new Uri(new Uri(MetadataBase), path))|};", Base));

    [Fact]
    public Task New_uri_with_base_and_absolute_relative_that_goes_elsewhere_is_not_reported() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        await http.GetStringAsync(new Uri(new Uri(MetadataBase), ""http://example.com/x""));", Base));

    [Fact]
    public Task Uri_text_properties() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        var uri = new Uri(MetadataBase);
        await {|IMDS001:http.GetStringAsync(uri.AbsoluteUri)|};
        await {|IMDS001:http.GetStringAsync(uri.ToString())|};", Base));

    [Fact]
    public Task HttpClient_base_address_in_initializer_with_relative_path() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient { BaseAddress = new Uri(""http://169.254.169.254/latest/meta-data/"") };
        await {|IMDS001:http.GetStringAsync(""instance-id"")|};"));

    [Fact]
    public Task HttpClient_base_address_assigned_later_with_rooted_relative_path() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        http.BaseAddress = new Uri(""http://169.254.169.254"");
        await {|IMDS001:http.GetStringAsync(""/latest/meta-data/instance-id"")|};"));

    [Fact]
    public Task HttpClient_base_address_with_unknown_relative_path() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient { BaseAddress = new Uri(MetadataBase) };
        await {|IMDS001:http.GetStringAsync(path)|};", Base));

    [Fact]
    public Task HttpClient_base_address_from_field_with_request_message() => Verify.VerifyAsync(InMethod(@"
        var request = new HttpRequestMessage(HttpMethod.Get, ""placement/region"");
        await {|IMDS001:Http.SendAsync(request)|};",
        @"    private static readonly HttpClient Http = new HttpClient { BaseAddress = new Uri(""http://169.254.169.254/latest/meta-data/"") };"));

    [Fact]
    public Task HttpClient_base_address_that_is_not_metadata_is_not_reported() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient { BaseAddress = new Uri(""http://example.com/latest/meta-data/"") };
        await http.GetStringAsync(""instance-id"");"));

    [Fact]
    public Task Local_assigned_in_declaration() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        var url = MetadataBase + ""instance-id"";
        await {|IMDS001:http.GetStringAsync(url)|};", Base));

    [Fact]
    public Task Local_assigned_after_declaration() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        string url;
        url = ""http://169.254.169.254/latest/meta-data/instance-id"";
        await {|IMDS001:http.GetStringAsync(url)|};"));

    [Fact]
    public Task Local_built_with_compound_assignment() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        var url = ""http://169.254.169.254"";
        url += ""/latest/meta-data/"";
        url += path;
        await {|IMDS001:http.GetStringAsync(url)|};"));

    [Fact]
    public Task Local_reassigned_to_another_host_before_the_call_is_not_reported() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        var url = MetadataBase;
        url = ""http://example.com/"";
        await http.GetStringAsync(url);", Base));

    [Fact]
    public Task Local_assigned_only_after_the_call_is_not_reported() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        var url = ""http://example.com/"";
        await http.GetStringAsync(url);
        url = MetadataBase;", Base));

    [Fact]
    public Task Field_with_initializer() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        await {|IMDS001:http.GetStringAsync(_url)|};",
        @"    private readonly string _url = ""http://169.254.169.254/latest/meta-data/instance-id"";"));

    [Fact]
    public Task Readonly_field_assigned_in_constructor() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        await {|IMDS001:http.GetStringAsync(_url)|};",
        @"    private readonly string _url;
    public C() { _url = ""http://169.254.169.254/latest/meta-data/instance-id""; }"));

    [Fact]
    public Task Field_assigned_earlier_in_the_method() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        _url = MetadataBase + ""hostname"";
        await {|IMDS001:http.GetStringAsync(_url)|};",
        Base + @"
    private string _url = """";"));

    [Fact]
    public Task Readonly_field_assigned_in_two_constructors_is_unknown() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        await http.GetStringAsync(_url);",
        @"    private readonly string _url;
    public C() { _url = ""http://169.254.169.254/latest/meta-data/instance-id""; }
    public C(string url) { _url = url; }"));

    [Fact]
    public Task Properties_with_initializer_and_expression_body() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        await {|IMDS001:http.GetStringAsync(Root)|};
        await {|IMDS001:http.GetStringAsync(InstanceId)|};",
        @"    private static string Root { get; } = ""http://169.254.169.254/latest/"";
    private string InstanceId => Root + ""meta-data/instance-id"";"));

    [Fact]
    public Task Parameter_url_is_not_reported() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        await http.GetStringAsync(path);"));

    [Fact]
    public Task Self_referencing_fields_do_not_loop() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        await http.GetStringAsync(A);",
        @"    private static readonly string A = B + ""x"";
    private static readonly string B = A + ""y"";"));
}
