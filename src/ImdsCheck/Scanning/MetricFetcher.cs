using ImdsCheck.Aws;
using ImdsCheck.CloudWatch;

namespace ImdsCheck.Scanning;

/// <summary>
/// Reads MetadataNoToken and MetadataNoTokenRejected for many instances with GetMetricData:
/// one query per instance and metric, 500 queries a call, following NextToken.
/// </summary>
internal sealed class MetricFetcher
{
    public const int MaxQueriesPerCall = 500;
    private const int MaxPagesPerCall = 10_000;

    private static readonly string[] Metrics = [ImdsMetrics.NoToken, ImdsMetrics.NoTokenRejected];

    private readonly ICloudWatchClient _client;
    private readonly string _region;
    private readonly SecretRedactor _redactor;
    private readonly int _parallelCalls;

    public MetricFetcher(ICloudWatchClient client, string region, SecretRedactor redactor, int parallelCalls = 4)
    {
        _client = client;
        _region = region;
        _redactor = redactor;
        _parallelCalls = parallelCalls;
    }

    /// <returns>For each instance ID: (MetadataNoToken, MetadataNoTokenRejected).</returns>
    public async Task<Dictionary<string, (MetricReading NoToken, MetricReading Rejected)>> FetchAsync(
        IReadOnlyList<string> instanceIds, MetricWindow window, Action<int>? queriesDone, CancellationToken cancellationToken)
    {
        var queries = new List<(string Id, string InstanceId, int Metric)>(instanceIds.Count * Metrics.Length);
        for (var i = 0; i < instanceIds.Count; i++)
        {
            for (var m = 0; m < Metrics.Length; m++)
            {
                // Ids must start with a lower-case letter; the index keeps them unique and short.
                queries.Add(($"{(m == 0 ? 'n' : 'r')}{i}", instanceIds[i], m));
            }
        }

        var accumulators = new Dictionary<string, Accumulator>(queries.Count, StringComparer.Ordinal);
        foreach (var query in queries)
        {
            accumulators[query.Id] = new Accumulator();
        }

        var done = 0;
        using var gate = new SemaphoreSlim(_parallelCalls);
        var tasks = queries.Chunk(MaxQueriesPerCall).Select(async chunk =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await FetchChunkAsync(chunk, window, accumulators, cancellationToken).ConfigureAwait(false);
                queriesDone?.Invoke(Interlocked.Add(ref done, chunk.Length));
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        await Task.WhenAll(tasks).ConfigureAwait(false);

        var readings = new Dictionary<string, (MetricReading, MetricReading)>(instanceIds.Count, StringComparer.Ordinal);
        for (var i = 0; i < instanceIds.Count; i++)
        {
            readings[instanceIds[i]] = (accumulators[$"n{i}"].ToReading(), accumulators[$"r{i}"].ToReading());
        }

        return readings;
    }

    private async Task FetchChunkAsync((string Id, string InstanceId, int Metric)[] chunk, MetricWindow window,
        Dictionary<string, Accumulator> accumulators, CancellationToken cancellationToken)
    {
        var request = new GetMetricDataRequest
        {
            StartTime = window.Start,
            EndTime = window.End,
            ScanBy = "TimestampDescending",
            MetricDataQueries = chunk.Select(q => new MetricDataQuery
            {
                Id = q.Id,
                ReturnData = true,
                MetricStat = new MetricStat
                {
                    Period = window.PeriodSeconds,
                    Stat = "Sum",
                    Metric = new Metric
                    {
                        Namespace = ImdsMetrics.Namespace,
                        MetricName = Metrics[q.Metric],
                        Dimensions = [new Dimension { Name = ImdsMetrics.InstanceIdDimension, Value = q.InstanceId }],
                    },
                },
            }).ToList(),
        };

        string? callProblem = null;
        var seenTokens = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 0; page < MaxPagesPerCall; page++)
        {
            var response = await AwsCall.CloudWatch("GetMetricData", _region, _redactor,
                () => _client.GetMetricDataAsync(request, cancellationToken)).ConfigureAwait(false);

            // Messages on the response itself apply to every query of the call.
            if (response.Messages is { Count: > 0 } messages)
            {
                callProblem ??= "GetMetricData reported: " + Describe(messages);
            }

            foreach (var result in response.MetricDataResults ?? [])
            {
                if (result.Id is null || !accumulators.TryGetValue(result.Id, out var accumulator))
                {
                    continue;
                }

                lock (accumulator)
                {
                    accumulator.Add(result);
                }
            }

            if (string.IsNullOrEmpty(response.NextToken))
            {
                break;
            }

            if (!seenTokens.Add(response.NextToken))
            {
                callProblem ??= "GetMetricData returned the same NextToken twice";
                break;
            }

            request.NextToken = response.NextToken;
        }

        if (callProblem is not null)
        {
            foreach (var query in chunk)
            {
                var accumulator = accumulators[query.Id];
                lock (accumulator)
                {
                    accumulator.MarkIncomplete(callProblem);
                }
            }
        }
    }

    private static string Describe(List<MessageData> messages) =>
        string.Join("; ", messages.Select(m => string.IsNullOrEmpty(m.Code) ? m.Value : $"{m.Code}: {m.Value}"));

    /// <summary>
    /// Collects one query's results across pages. PartialData followed by more pages is ordinary
    /// pagination, so only the status of the last page that carried the query decides; an
    /// InternalError, Forbidden or a message anywhere makes the reading incomplete.
    /// </summary>
    private sealed class Accumulator
    {
        private double _sum;
        private int _datapoints;
        private bool _seen;
        private string? _lastStatus;
        private string? _problem;

        public void Add(MetricDataResult result)
        {
            _seen = true;
            _lastStatus = result.StatusCode;
            foreach (var value in result.Values ?? [])
            {
                if (!double.IsNaN(value))
                {
                    _sum += value;
                    _datapoints++;
                }
            }

            if (result.StatusCode is "InternalError" or "Forbidden")
            {
                _problem ??= $"CloudWatch status {result.StatusCode}" + (result.Messages is { Count: > 0 } m ? ": " + Describe(m) : "");
            }
            else if (result.Messages is { Count: > 0 } messages)
            {
                _problem ??= "CloudWatch message: " + Describe(messages);
            }
        }

        public void MarkIncomplete(string problem) => _problem ??= problem;

        public MetricReading ToReading()
        {
            var problem = _problem;
            if (problem is null && !_seen)
            {
                problem = "CloudWatch returned no result for this query";
            }
            else if (problem is null && _lastStatus is "PartialData")
            {
                problem = "CloudWatch returned PartialData";
            }
            else if (problem is null && _lastStatus is not "Complete")
            {
                problem = _lastStatus is null ? "CloudWatch returned no StatusCode" : $"CloudWatch status {_lastStatus}";
            }

            return new MetricReading(_datapoints > 0 ? _sum : null, problem);
        }
    }
}
