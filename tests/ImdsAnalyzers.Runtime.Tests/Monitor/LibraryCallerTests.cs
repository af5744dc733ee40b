using ImdsEmulator;
using LegacyMetadataLibrary;

namespace ImdsAnalyzers.Runtime.Tests.Monitor;

/// <summary>Token-less requests made inside a third-party assembly: the monitor names the library's method.</summary>
[Collection(ProcessWideCollection.Name)]
public sealed class LibraryCallerTests
{
    private const string Library = "LegacyMetadataLibrary.LegacyMetadataClient";

    [Fact]
    public async Task A_library_WebRequest_names_the_library_method_and_the_stack_shows_who_called_it()
    {
        await using var f = await MonitorFixture.StartAsync();

        Assert.Equal(DefaultMetadata.Region, new LegacyMetadataClient(f.Emulator.BaseAddress).GetRegionWithWebRequest());

        var site = f.SingleCallSite();
        Assert.Equal($"{Library}.{nameof(LegacyMetadataClient.GetRegionWithWebRequest)}", site.Caller);
        Assert.Equal("/latest/meta-data/placement/region", site.Path);
        Assert.Contains(nameof(A_library_WebRequest_names_the_library_method_and_the_stack_shows_who_called_it), site.StackTrace);
        Assert.StartsWith($"   at {Library}.{nameof(LegacyMetadataClient.GetRegionWithWebRequest)}", site.StackTrace);
    }

    [Fact]
    public async Task A_library_WebClient_names_the_library_method()
    {
        await using var f = await MonitorFixture.StartAsync();

        Assert.Equal(DefaultMetadata.AmiId, new LegacyMetadataClient(f.Emulator.BaseAddress).GetAmiIdWithWebClient());

        Assert.Equal($"{Library}.{nameof(LegacyMetadataClient.GetAmiIdWithWebClient)}", f.SingleCallSite().Caller);
    }

    [Fact]
    public async Task A_library_async_HttpClient_call_names_the_library_method_when_capturing_through_HttpClient_events()
    {
        await using var f = await MonitorFixture.StartAsync(o => o.CaptureCallersThroughHttpClientEvents = true);
        var library = new LegacyMetadataClient(f.Emulator.BaseAddress);

        Assert.Equal(DefaultMetadata.InstanceId, await library.GetInstanceIdAsync());
        Assert.Equal(DefaultMetadata.InstanceId, await library.GetInstanceIdAsync());

        Assert.Equal($"{Library}.{nameof(LegacyMetadataClient.GetInstanceIdAsync)}", f.SingleCallSite().Caller);
        Assert.Single(f.CallSiteLogs);
        Assert.Equal(2, f.Metrics.Sum("imds.requests.tokenless"));
    }

    [Fact]
    public async Task Skipping_the_library_namespace_names_the_application_code_that_called_it()
    {
        await using var f = await MonitorFixture.StartAsync(o => o.CallerSkipPrefixes.Add("LegacyMetadataLibrary."));

        new LegacyMetadataClient(f.Emulator.BaseAddress).GetRegionWithWebRequest();

        Assert.Equal(
            $"{typeof(LibraryCallerTests).FullName}.{nameof(Skipping_the_library_namespace_names_the_application_code_that_called_it)}",
            f.SingleCallSite().Caller);
    }
}
