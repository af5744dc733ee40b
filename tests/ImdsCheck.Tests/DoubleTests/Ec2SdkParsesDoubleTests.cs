using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using ImdsCheck.Tests.AwsDouble;

namespace ImdsCheck.Tests.DoubleTests;

/// <summary>
/// The double's EC2 answers are what AWSSDK.EC2 itself parses: the real AmazonEC2Client talks to the
/// double and the parsed objects carry exactly the simulated values.
/// </summary>
public sealed class Ec2SdkParsesDoubleTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2025, 6, 1, 12, 0, 0, DateTimeKind.Utc);
    private AwsDoubleServer _server = null!;

    public async Task InitializeAsync()
    {
        var fleet = FleetGenerator.Generate(Now, ("eu-west-1", 1203), ("ap-south-1", 7));
        fleet.Region("eu-west-1").Defaults.HttpTokensEnforced = "enabled";
        fleet.Region("eu-west-1").Defaults.ManagedBy = "declarative-policy";
        fleet.Region("eu-west-1").Defaults.ManagedExceptionMessage = "Managed by your organization";
        _server = await AwsDoubleServer.StartAsync(fleet);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private AmazonEC2Client Client(string region) => new(
        new BasicAWSCredentials("AKIDEXAMPLE", "secretsecretsecret"),
        new AmazonEC2Config { ServiceURL = _server.Url.ToString(), AuthenticationRegion = region, MaxErrorRetry = 3 });

    [Fact]
    public async Task DescribeInstances_pages_parse_into_instances_with_metadata_options_tags_and_state()
    {
        using var client = Client("eu-west-1");
        var parsed = new List<Instance>();
        var request = new DescribeInstancesRequest { MaxResults = 1000 };
        var pages = 0;
        do
        {
            var response = await client.DescribeInstancesAsync(request);
            pages++;
            parsed.AddRange(response.Reservations.SelectMany(r => r.Instances));
            Assert.All(response.Reservations, r => Assert.StartsWith("r-", r.ReservationId));
            request.NextToken = response.NextToken;
        }
        while (request.NextToken is not null);

        var expected = _server.Fleet.Region("eu-west-1").Instances;
        Assert.Equal(2, pages);
        Assert.Equal(expected.Count, parsed.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var sim = expected[i];
            var sdk = parsed[i];
            Assert.Equal(sim.InstanceId, sdk.InstanceId);
            Assert.Equal(sim.State, sdk.State.Name.Value);
            Assert.Equal(sim.HttpTokens, sdk.MetadataOptions.HttpTokens.Value);
            Assert.Equal(sim.HttpEndpoint, sdk.MetadataOptions.HttpEndpoint.Value);
            Assert.Equal(sim.HopLimit, sdk.MetadataOptions.HttpPutResponseHopLimit);
            Assert.Equal("applied", sdk.MetadataOptions.State.Value);
            Assert.Equal(sim.LaunchTime, sdk.LaunchTime!.Value.ToUniversalTime(), TimeSpan.FromMilliseconds(1));
            Assert.Equal(sim.Tags.OrderBy(t => t.Key), sdk.Tags.Select(t => new KeyValuePair<string, string>(t.Key, t.Value)).OrderBy(t => t.Key));
        }

        // The region came from the SigV4 scope of the SDK's own signature.
        Assert.All(_server.Calls.Of("DescribeInstances"), c => Assert.Equal(("eu-west-1", "ec2", "1000"), (c.Region, c.SigningService, c.Form["MaxResults"])));
    }

    [Fact]
    public async Task Filters_reach_the_double_in_the_sdk_wire_format()
    {
        using var client = Client("eu-west-1");
        var response = await client.DescribeInstancesAsync(new DescribeInstancesRequest
        {
            MaxResults = 1000,
            Filters = [new Filter { Name = "tag:Env", Values = ["prod"] }, new Filter { Name = "instance-state-name", Values = ["stopped"] }],
        });

        var expected = _server.Fleet.Region("eu-west-1").Instances.Where(i => i.Tags["Env"] == "prod" && i.State == "stopped").Select(i => i.InstanceId);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, response.Reservations.SelectMany(r => r.Instances).Select(i => i.InstanceId));
    }

    [Fact]
    public async Task GetInstanceMetadataDefaults_parses_tokens_enforcement_and_management()
    {
        using var client = Client("eu-west-1");
        var response = await client.GetInstanceMetadataDefaultsAsync(new GetInstanceMetadataDefaultsRequest());

        Assert.Equal("optional", response.AccountLevel.HttpTokens.Value);
        Assert.Equal("enabled", response.AccountLevel.HttpTokensEnforced.Value);
        Assert.Equal("declarative-policy", response.AccountLevel.ManagedBy.Value);
        Assert.Equal("Managed by your organization", response.AccountLevel.ManagedExceptionMessage);
    }

    [Fact]
    public async Task ModifyInstanceMetadataOptions_dry_run_is_a_412_DryRunOperation_and_changes_nothing()
    {
        using var client = Client("eu-west-1");
        var target = _server.Fleet.Region("eu-west-1").Instances.First(i => i.HttpTokens == "optional" && i.State == "running");

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => client.ModifyInstanceMetadataOptionsAsync(
            new ModifyInstanceMetadataOptionsRequest { InstanceId = target.InstanceId, HttpTokens = HttpTokensState.Required, DryRun = true }));

        Assert.Equal("DryRunOperation", error.ErrorCode);
        Assert.Equal(412, (int)error.StatusCode);
        Assert.Equal("optional", target.HttpTokens);
    }

    [Fact]
    public async Task ModifyInstanceMetadataOptions_parses_the_pending_state_and_changes_the_instance()
    {
        using var client = Client("eu-west-1");
        var target = _server.Fleet.Region("eu-west-1").Instances.Last(i => i.HttpTokens == "optional" && i.State == "running");

        var response = await client.ModifyInstanceMetadataOptionsAsync(
            new ModifyInstanceMetadataOptionsRequest { InstanceId = target.InstanceId, HttpTokens = HttpTokensState.Required });

        Assert.Equal(target.InstanceId, response.InstanceId);
        Assert.Equal("pending", response.InstanceMetadataOptions.State.Value);
        Assert.Equal("required", response.InstanceMetadataOptions.HttpTokens.Value);
        Assert.Equal("required", target.HttpTokens);
    }

    [Fact]
    public async Task Errors_parse_into_AmazonEC2Exception_codes_and_throttling_is_retried_by_the_sdk()
    {
        using var client = Client("ap-south-1");
        _server.Faults.Add(new FaultRule { Kind = FaultKind.AccessDenied, Protocol = "ec2", Action = "GetInstanceMetadataDefaults", Times = 1 });
        var denied = await Assert.ThrowsAsync<AmazonEC2Exception>(() => client.GetInstanceMetadataDefaultsAsync(new GetInstanceMetadataDefaultsRequest()));
        Assert.Equal("UnauthorizedOperation", denied.ErrorCode);
        Assert.Equal(403, (int)denied.StatusCode);

        var throttle = _server.Faults.Add(new FaultRule { Kind = FaultKind.Throttle, Protocol = "ec2", Action = "DescribeRegions", Times = 2 });
        var regions = await client.DescribeRegionsAsync(new DescribeRegionsRequest());
        Assert.Equal(["ap-south-1", "eu-west-1"], regions.Regions.Select(r => r.RegionName).Order());
        Assert.Equal(2, _server.Faults.Fired(throttle));
        Assert.Equal([503, 503, 200], _server.Calls.Of("DescribeRegions").Select(c => c.StatusCode));
        Assert.Equal("RequestLimitExceeded", _server.Calls.Of("DescribeRegions")[0].ErrorCode);
    }
}
