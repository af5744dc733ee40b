namespace ImdsCheck.Aws;

/// <summary>Runs one piece of work per region, a few regions at a time, keeping each region's failure to itself.</summary>
internal static class RegionFanOut
{
    public const int ParallelRegions = 4;

    public static async Task<List<(string Region, T? Result, string? Error)>> RunAsync<T>(
        IReadOnlyList<string> regions, Func<string, Task<T>> work, CancellationToken cancellationToken)
        where T : class
    {
        using var gate = new SemaphoreSlim(ParallelRegions);
        var tasks = regions.Select(async region =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return (region, await work(region).ConfigureAwait(false), (string?)null);
            }
            catch (ImdsCheckFailure failure)
            {
                return (region, (T?)null, failure.Message);
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        return [.. await Task.WhenAll(tasks).ConfigureAwait(false)];
    }
}
