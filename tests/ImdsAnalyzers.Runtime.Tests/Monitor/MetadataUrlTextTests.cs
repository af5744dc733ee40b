namespace ImdsAnalyzers.Runtime.Tests.Monitor;

/// <summary>
/// The endpoint test on URLs as text, as an activity's url.full tag gives them: the monitor falls back to it inside an
/// Activity when server.address names the request's Host header instead of the server.
/// </summary>
public sealed class MetadataUrlTextTests
{
    private static readonly MetadataRequestFilter Filter = new(
        [.. MetadataRequestFilter.WellKnownEndpoints, new Uri("http://127.0.0.1:8181/")]);

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/instance-id")]
    [InlineData("http://169.254.169.254:80/latest/meta-data/instance-id")]
    [InlineData("HTTP://169.254.169.254/latest/meta-data/")]
    [InlineData("http://169.254.169.254")]
    [InlineData("http://169.254.169.254?*")]
    [InlineData("http://169.254.169.254#x")]
    [InlineData("http://user@169.254.169.254/latest/meta-data/")]
    [InlineData("http://[fd00:ec2::254]/latest/meta-data/instance-id")]
    [InlineData("http://[FD00:EC2::254]:80/latest/meta-data/instance-id")]
    [InlineData("http://instance-data/latest/meta-data/instance-id")]
    [InlineData("http://INSTANCE-DATA.ec2.internal/latest/")]
    [InlineData("http://127.0.0.1:8181/latest/meta-data/instance-id")]
    public void Recognises_metadata_endpoints(string url) => Assert.True(Filter.IsMetadataUrl(url), url);

    [Theory]
    [InlineData("http://169.254.169.254:8080/latest/meta-data/instance-id")]
    [InlineData("https://169.254.169.254/latest/meta-data/instance-id")]
    [InlineData("http://169.254.169.25/latest/meta-data/instance-id")]
    [InlineData("http://169.254.169.254.example.com/latest/meta-data/")]
    [InlineData("http://[fd00:ec2::254]:8080/latest/meta-data/")]
    [InlineData("http://[fd00:ec2::254/latest/meta-data/")]
    [InlineData("http://[fd00:ec2::254]x/latest/meta-data/")]
    [InlineData("http://127.0.0.1:8182/latest/meta-data/instance-id")]
    [InlineData("http://127.0.0.1/latest/meta-data/instance-id")]
    [InlineData("http://example.com/169.254.169.254")]
    [InlineData("http://example.com/?u=http://169.254.169.254/")]
    [InlineData("http://169.254.169.254:/latest/")]
    [InlineData("http://169.254.169.254:99999999999/latest/")]
    [InlineData("169.254.169.254/latest/meta-data/")]
    [InlineData("")]
    public void Passes_over_everything_else(string url) => Assert.False(Filter.IsMetadataUrl(url), url);
}
