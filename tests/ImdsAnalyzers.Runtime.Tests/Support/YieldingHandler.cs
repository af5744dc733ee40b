namespace ImdsAnalyzers.Runtime.Tests.Resilience;

/// <summary>Sends after an await, on a thread-pool thread, as retry and resilience handlers send their later attempts.</summary>
internal sealed class YieldingHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Not Task.Yield: under the test framework's synchronization context that would resume through its frames.
        await Task.Delay(1, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
