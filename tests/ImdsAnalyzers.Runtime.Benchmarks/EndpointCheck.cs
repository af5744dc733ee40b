namespace ImdsAnalyzers.Runtime.Benchmarks;

internal static class EndpointCheck
{
    /// <summary>Bytes the handler's endpoint check allocates for a request to another server.</summary>
    public static double BytesPerCheck()
    {
        var filter = ImdsTokenSource.Create(new ImdsTokenHandlerOptions { EnvironmentVariables = _ => null }).Filter;
        var uri = new Uri("http://127.0.0.1:8080/orders/42?expand=lines");
        var matches = 0;
        for (var i = 0; i < 1000; i++)
        {
            matches += filter.IsMetadataEndpoint(uri) ? 1 : 0;
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100_000; i++)
        {
            matches += filter.IsMetadataEndpoint(uri) ? 1 : 0;
        }

        var bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / 100_000.0;
        return matches == 0 ? bytes : double.NaN;
    }
}
