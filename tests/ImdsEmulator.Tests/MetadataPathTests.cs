using System.Net;
using System.Text.Json;

namespace ImdsEmulator.Tests;

public sealed class MetadataPathTests : IAsyncLifetime
{
    private MetadataEmulator _emulator = null!;
    private HttpClient _http = null!;
    private string _token = null!;

    public async Task InitializeAsync()
    {
        _emulator = await MetadataEmulator.StartAsync(new EmulatorOptions { Tokens = TokenMode.Required });
        _http = Imds.Client(_emulator);
        _token = await Imds.TokenAsync(_http);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    [Theory]
    [InlineData("meta-data/instance-id", DefaultMetadata.InstanceId)]
    [InlineData("meta-data/ami-id", DefaultMetadata.AmiId)]
    [InlineData("meta-data/instance-type", DefaultMetadata.InstanceType)]
    [InlineData("meta-data/placement/region", DefaultMetadata.Region)]
    [InlineData("meta-data/placement/availability-zone", DefaultMetadata.AvailabilityZone)]
    [InlineData("meta-data/local-ipv4", DefaultMetadata.LocalIpv4)]
    [InlineData("meta-data/hostname", DefaultMetadata.Hostname)]
    [InlineData("meta-data/iam/security-credentials/", DefaultMetadata.RoleName)]
    [InlineData("user-data", DefaultMetadata.UserData)]
    public async Task Latest_and_dated_paths_serve_the_same_value(string path, string expected)
    {
        foreach (var version in new[] { "latest", "2016-09-02", "1.0" })
        {
            var (status, body) = await Imds.ReadAsync(Imds.GetAsync(_http, $"{version}/{path}", _token));
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(expected, body);
        }
    }

    [Fact]
    public async Task The_meta_data_listing_names_children_with_directories_slashed()
    {
        var (status, body) = await Imds.ReadAsync(Imds.GetAsync(_http, "latest/meta-data/", _token));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["ami-id", "hostname", "iam/", "instance-id", "instance-type", "local-ipv4", "placement/"], body.Split('\n'));
    }

    [Fact]
    public async Task A_directory_without_its_slash_is_listed_too()
    {
        var (_, body) = await Imds.ReadAsync(Imds.GetAsync(_http, "latest/meta-data/placement", _token));

        Assert.Equal(["availability-zone", "region"], body.Split('\n'));
    }

    [Fact]
    public async Task The_version_root_lists_the_top_level_categories()
    {
        var (_, body) = await Imds.ReadAsync(Imds.GetAsync(_http, "latest/", _token));

        Assert.Equal(["dynamic/", "meta-data/", "user-data"], body.Split('\n'));
    }

    [Fact]
    public async Task The_identity_document_is_json_with_the_instance_id()
    {
        using var response = await Imds.GetAsync(_http, "latest/dynamic/instance-identity/document", _token);

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(DefaultMetadata.InstanceId, document.RootElement.GetProperty("instanceId").GetString());
        Assert.Equal(DefaultMetadata.Region, document.RootElement.GetProperty("region").GetString());
    }

    [Fact]
    public async Task The_role_credentials_are_json()
    {
        var (_, body) = await Imds.ReadAsync(Imds.GetAsync(_http, $"latest/meta-data/iam/security-credentials/{DefaultMetadata.RoleName}", _token));

        using var document = JsonDocument.Parse(body);
        Assert.Equal("Success", document.RootElement.GetProperty("Code").GetString());
    }

    [Theory]
    [InlineData("latest/meta-data/no-such-thing")]
    [InlineData("latest/meta-data/placement/region/deeper")]
    [InlineData("latest/nothing")]
    public async Task An_unknown_metadata_path_gets_404(string path)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Imds.ReadAsync(Imds.GetAsync(_http, path, _token))).Status);
    }

    [Theory]
    [InlineData("metadata/instance?api-version=2021-02-01")]
    [InlineData("computeMetadata/v1/instance/id")]
    [InlineData("v1/whatever")]
    public async Task Other_clouds_paths_get_404_even_without_a_token(string path)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Imds.ReadAsync(Imds.GetAsync(_http, path))).Status);
        Assert.Equal(0, _emulator.Counters.TokenlessRejected);
    }

    [Fact]
    public async Task A_tokenless_request_for_an_unknown_path_in_required_mode_gets_401_first()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Imds.ReadAsync(Imds.GetAsync(_http, "latest/meta-data/no-such-thing"))).Status);
    }

    [Fact]
    public async Task Metadata_changes_reach_the_answers()
    {
        var options = new EmulatorOptions { Tokens = TokenMode.Optional };
        options.Metadata["meta-data/instance-id"] = "i-0fedcba9876543210";
        options.Metadata["meta-data/tags/instance/Name"] = "web";
        options.Metadata.Remove("user-data");
        await using var emulator = await MetadataEmulator.StartAsync(options);
        using var http = Imds.Client(emulator);

        Assert.Equal("i-0fedcba9876543210", (await Imds.ReadAsync(Imds.GetAsync(http, "latest/meta-data/instance-id"))).Body);
        Assert.Equal("web", (await Imds.ReadAsync(Imds.GetAsync(http, "latest/meta-data/tags/instance/Name"))).Body);
        Assert.Equal(HttpStatusCode.NotFound, (await Imds.ReadAsync(Imds.GetAsync(http, "latest/user-data"))).Status);
    }
}
