using ImdsAnalyzers.MetadataCalls;

namespace ImdsAnalyzers.Tests.MetadataCalls;

public class MetadataEndpointTests
{
    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/instance-id", false, false)]
    [InlineData("http://169.254.169.254:80/latest/meta-data/", false, false)]
    [InlineData("HTTP://169.254.169.254/latest/dynamic/instance-identity/document", false, false)]
    [InlineData("http://169.254.169.254/latest/user-data", false, false)]
    [InlineData("http://169.254.169.254/latest", false, false)]
    [InlineData("http://169.254.169.254/latest/meta-data?x=1", false, false)]
    [InlineData("http://169.254.169.254/2016-09-02/meta-data/ami-id", true, false)]
    [InlineData("http://169.254.169.254/", false, false)]
    [InlineData("http://169.254.169.254", false, false)]
    [InlineData("http://[fd00:ec2::254]/latest/meta-data/", false, true)]
    [InlineData("http://[FD00:EC2::254]/latest/meta-data/", false, true)]
    [InlineData("http://[Fd00:Ec2::254]:80/latest/meta-data/", false, true)]
    [InlineData("http://[fd00:0ec2:0:0:0:0:0:254]/latest/meta-data/", false, true)]
    [InlineData("  http://169.254.169.254/latest/meta-data/", false, false)]
    public void Complete_data_urls_match(string url, bool dated, bool ipv6)
    {
        Assert.True(MetadataEndpoint.TryMatch(url, out var match));
        Assert.Equal(MetadataPathKind.Data, match.Kind);
        Assert.Equal(dated, match.IsDatedVersion);
        Assert.Equal(ipv6, match.IsIpv6);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/api/token", false)]
    [InlineData("http://169.254.169.254:80/latest/api/token", false)]
    [InlineData("http://[fd00:ec2::254]/latest/api/token", false)]
    [InlineData("http://169.254.169.254/2021-03-23/api/token", true)]
    [InlineData("http://169.254.169.254/latest/api/token?x", false)]
    public void Token_urls_match_as_token(string url, bool dated)
    {
        Assert.True(MetadataEndpoint.TryMatch(url, out var match));
        Assert.Equal(MetadataPathKind.Token, match.Kind);
        Assert.Equal(dated, match.IsDatedVersion);
        Assert.True(MetadataEndpoint.IsTokenPath(url));
    }

    [Theory]
    [InlineData("http://169.254.169.254/metadata/instance?api-version=2021-02-01")]
    [InlineData("http://169.254.169.254/computeMetadata/v1/instance/id")]
    [InlineData("http://169.254.170.2/v2/credentials")]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("http://169.254.169.254:8080/latest/meta-data/")]
    [InlineData("http://169.254.169.2540/latest/meta-data/")]
    [InlineData("http://169.254.169.254.nip.io/latest/meta-data/")]
    [InlineData("http://[fd00:ec2::255]/latest/meta-data/")]
    [InlineData("http://169.254.169.254/latest-foo/")]
    [InlineData("http://169.254.169.254/2016-9-02/meta-data/")]
    [InlineData("169.254.169.254")]
    [InlineData("http://example.com/latest/meta-data/")]
    [InlineData("")]
    [InlineData("http://[fd00:ec2::254")]
    public void Other_urls_do_not_match(string url)
    {
        Assert.False(MetadataEndpoint.TryMatch(url, out var match) && match.Kind != MetadataPathKind.None);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/", false)]
    [InlineData("http://169.254.169.254/2016-09-02/dynamic/", false)]
    [InlineData("http://169.254.169.254/latest/", true)]
    [InlineData("http://169.254.169.254/latest", true)]
    [InlineData("http://169.254.169.254/latest/api/", true)]
    [InlineData("http://169.254.169.254/latest/api/token", true)]
    public void Known_prefixes_match_when_they_name_a_version(string prefix, bool possibleToken)
    {
        Assert.True(MetadataEndpoint.TryMatch(prefix, isComplete: false, out var match));
        Assert.Equal(possibleToken ? MetadataPathKind.PossibleToken : MetadataPathKind.Data, match.Kind);
    }

    [Theory]
    [InlineData("http://169.254.169.254/")]
    [InlineData("http://169.254.169.254")]
    [InlineData("http://169.254.169.254/lat")]
    [InlineData("http://169.254.169.254:")]
    [InlineData("http://169.254.169.254/metadata/")]
    public void Prefixes_that_could_be_another_cloud_do_not_match(string prefix)
    {
        Assert.False(MetadataEndpoint.TryMatch(prefix, isComplete: false, out _));
    }
}
