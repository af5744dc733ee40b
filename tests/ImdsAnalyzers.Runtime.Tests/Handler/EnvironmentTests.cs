using ImdsAnalyzers.Runtime.Tests.Support;
using ImdsEmulator;

namespace ImdsAnalyzers.Runtime.Tests.Handler;

public sealed class EnvironmentTests
{
    [Theory]
    [InlineData(null, null, "http://169.254.169.254/")]
    [InlineData(null, "IPv4", "http://169.254.169.254/")]
    [InlineData(null, "IPv6", "http://[fd00:ec2::254]/")]
    [InlineData(null, "ipv6", "http://[fd00:ec2::254]/")]
    [InlineData("http://127.0.0.1:8080", "IPv6", "http://127.0.0.1:8080/")]
    [InlineData("http://[::1]:1338/", null, "http://[::1]:1338/")]
    public void The_endpoint_is_chosen_as_the_sdks_choose_it(string? endpoint, string? mode, string expected)
    {
        var handler = new ImdsTokenHandler(new ImdsTokenHandlerOptions { EnvironmentVariables = Variables(endpoint, mode, null) });

        Assert.Equal(new Uri(expected), handler.Endpoint);
    }

    [Theory]
    [InlineData(null, "IPv5", "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE='IPv5'")]
    [InlineData("169.254.169.254", null, "AWS_EC2_METADATA_SERVICE_ENDPOINT='169.254.169.254'")]
    [InlineData("ftp://169.254.169.254", null, "AWS_EC2_METADATA_SERVICE_ENDPOINT='ftp://169.254.169.254'")]
    public void A_bad_setting_fails_construction_with_a_message_that_names_it(string? endpoint, string? mode, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            new ImdsTokenHandler(new ImdsTokenHandlerOptions { EnvironmentVariables = Variables(endpoint, mode, null) }));

        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("TRUE")]
    public async Task Disabled_metadata_requests_fail_fast_and_send_nothing(string disabled)
    {
        await using var imds = await MetadataEmulator.StartAsync(new EmulatorOptions());
        using var http = new HttpClient(new ImdsTokenHandler(LoopbackHttp.Handler(), new ImdsTokenHandlerOptions
        {
            EnvironmentVariables = Variables(imds.BaseAddress.ToString(), null, disabled),
        }));

        var error = await Assert.ThrowsAsync<ImdsDisabledException>(() => http.GetStringAsync(new Uri(imds.BaseAddress, "latest/meta-data/instance-id")));
        var redirected = await Assert.ThrowsAsync<ImdsDisabledException>(() => http.GetStringAsync("http://169.254.169.254/latest/user-data"));

        Assert.Contains("AWS_EC2_METADATA_DISABLED=true", error.Message);
        Assert.Equal("/latest/user-data", redirected.RequestUri.AbsolutePath);
        Assert.Empty(imds.Counters.Snapshot().Paths);
    }

    [Theory]
    [InlineData("false")]
    [InlineData("1")]
    [InlineData("")]
    public async Task Only_true_disables(string disabled)
    {
        await using var imds = await MetadataEmulator.StartAsync(new EmulatorOptions());
        using var http = new HttpClient(new ImdsTokenHandler(LoopbackHttp.Handler(), new ImdsTokenHandlerOptions
        {
            EnvironmentVariables = Variables(imds.BaseAddress.ToString(), null, disabled),
        }));

        Assert.Equal(DefaultMetadata.InstanceId, await http.GetStringAsync(new Uri(imds.BaseAddress, "latest/meta-data/instance-id")));
    }

    [Fact]
    public async Task Disabled_leaves_other_requests_alone()
    {
        await using var other = await MetadataEmulator.StartAsync(new EmulatorOptions { Tokens = TokenMode.Optional });
        using var http = new HttpClient(new ImdsTokenHandler(LoopbackHttp.Handler(), new ImdsTokenHandlerOptions
        {
            EnvironmentVariables = Variables(null, null, "true"),
        }));

        Assert.Equal(DefaultMetadata.InstanceId, await http.GetStringAsync(new Uri(other.BaseAddress, "latest/meta-data/instance-id")));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21601)]
    public void A_ttl_outside_the_service_range_is_refused(int seconds)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ImdsTokenHandler(new ImdsTokenHandlerOptions { TokenTtl = TimeSpan.FromSeconds(seconds) }));
    }

    internal static Func<string, string?> Variables(string? endpoint, string? mode, string? disabled) => name => name switch
    {
        ImdsEnvironment.EndpointVariable => endpoint,
        ImdsEnvironment.EndpointModeVariable => mode,
        ImdsEnvironment.DisabledVariable => disabled,
        _ => null,
    };
}

/// <summary>The real process environment, read by a handler built with default options.</summary>
[Collection(ProcessWideCollection.Name)]
public sealed class ProcessEnvironmentTests
{
    [Fact]
    public async Task Default_options_read_the_process_environment()
    {
        await using var imds = await MetadataEmulator.StartAsync(new EmulatorOptions());
        var before = Environment.GetEnvironmentVariable(ImdsEnvironment.EndpointVariable);
        Environment.SetEnvironmentVariable(ImdsEnvironment.EndpointVariable, imds.BaseAddress.ToString());
        ImdsTokenHandler handler;
        try
        {
            handler = new ImdsTokenHandler(LoopbackHttp.Handler());
        }
        finally
        {
            Environment.SetEnvironmentVariable(ImdsEnvironment.EndpointVariable, before);
        }

        using var http = new HttpClient(handler);
        Assert.Equal(imds.BaseAddress, handler.Endpoint);
        Assert.Equal(DefaultMetadata.InstanceId, await http.GetStringAsync("http://169.254.169.254/latest/meta-data/instance-id"));
    }
}
