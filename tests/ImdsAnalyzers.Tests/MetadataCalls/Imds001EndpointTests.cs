using static ImdsAnalyzers.Tests.MetadataCalls.MetadataSources;
using Verify = ImdsAnalyzers.Tests.Verifiers.AnalyzerVerifier<ImdsAnalyzers.MetadataCalls.MetadataCallAnalyzer>;

namespace ImdsAnalyzers.Tests.MetadataCalls;

/// <summary>IMDS001 endpoints and AWS paths.</summary>
public class Imds001EndpointTests
{
    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/instance-id")]
    [InlineData("http://169.254.169.254:80/latest/meta-data/instance-id")]
    [InlineData("http://[fd00:ec2::254]/latest/meta-data/instance-id")]
    [InlineData("http://[FD00:EC2::254]/latest/meta-data/instance-id")]
    [InlineData("http://[fD00:eC2::254]:80/latest/user-data")]
    [InlineData("http://169.254.169.254/2016-09-02/meta-data/ami-id")]
    [InlineData("http://169.254.169.254/latest/dynamic/instance-identity/document")]
    [InlineData("http://169.254.169.254/")]
    [InlineData("http://169.254.169.254")]
    [InlineData("http://169.254.169.254/latest")]
    public Task Metadata_endpoints_and_aws_paths_are_reported(string url) => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        await {|IMDS001:http.GetStringAsync(""" + url + @""")|};"));

    [Theory]
    [InlineData("http://169.254.169.254/metadata/instance?api-version=2021-02-01")]
    [InlineData("http://169.254.169.254/computeMetadata/v1/instance/id")]
    [InlineData("http://169.254.170.2/v2/credentials")]
    [InlineData("http://169.254.170.2/v4/metadata")]
    [InlineData("http://169.254.169.254:8080/latest/meta-data/")]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("http://169.254.169.254.example.com/latest/meta-data/")]
    [InlineData("http://example.com/latest/meta-data/")]
    [InlineData("http://[fd00:ec2::253]/latest/meta-data/")]
    public Task Other_clouds_ecs_and_other_hosts_are_not_reported(string url) => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        await http.GetStringAsync(""" + url + @""");"));

    [Fact]
    public Task Azure_request_with_metadata_header_is_not_reported() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Get, ""http://169.254.169.254/metadata/instance?api-version=2021-02-01"");
        request.Headers.Add(""Metadata"", ""true"");
        await http.SendAsync(request);"));

    [Fact]
    public Task Gcp_request_with_flavor_header_is_not_reported() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient { DefaultRequestHeaders = { { ""Metadata-Flavor"", ""Google"" } } };
        await http.GetStringAsync(""http://169.254.169.254/computeMetadata/v1/project/project-id"");"));

    [Fact]
    public Task Bare_address_followed_by_an_unknown_path_is_not_reported_because_it_may_be_another_cloud() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        await http.GetStringAsync(""http://169.254.169.254/"" + path);"));

    [Fact]
    public Task Ipv6_endpoint_from_constant_is_reported() => Verify.VerifyAsync(InMethod(@"
        using var http = new HttpClient();
        await {|IMDS001:http.GetStringAsync(Ipv6Base + ""instance-id"")|};",
        @"    private const string Ipv6Base = ""http://[FD00:ec2::254]/latest/meta-data/"";"));
}
