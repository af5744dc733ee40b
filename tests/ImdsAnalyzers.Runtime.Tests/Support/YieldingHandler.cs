namespace ImdsAnalyzers.Runtime.Tests.Resilience;

/// <summary>Sends after an await, as retry and resilience handlers send their later attempts.</summary>
internal sealed class YieldingHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await Task.Yield();
        return await base.SendAsync(request, cancellationToken);
    }
}
