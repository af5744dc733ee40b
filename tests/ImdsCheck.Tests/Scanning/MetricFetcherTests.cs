using ImdsCheck.Aws;
using ImdsCheck.CloudWatch;
using ImdsCheck.Scanning;

namespace ImdsCheck.Tests.Scanning;

/// <summary>
/// How GetMetricData answers turn into readings, with answers scripted page by page; these are the
/// cases the double's fleet cannot produce with one datapoint per query.
/// </summary>
public sealed class MetricFetcherTests
{
    private static readonly MetricWindow Window = MetricWindow.EndingAt(new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc), 14);

    [Fact]
    public async Task PartialData_continued_on_the_next_page_is_summed_and_complete()
    {
        var client = new ScriptedCloudWatch(
            Page("t1", Result("n0", "PartialData", 4), Result("r0", "Complete")),
            Page(null, Result("n0", "Complete", 3)));

        var readings = await Fetch(client, "i-0123456789abcdef0");

        Assert.Equal(new MetricReading(7, null), readings["i-0123456789abcdef0"].NoToken);
        Assert.Equal(new MetricReading(null, null), readings["i-0123456789abcdef0"].Rejected);
        Assert.Equal([null, "t1"], client.Requests.Select(r => r.NextToken));
    }

    [Fact]
    public async Task PartialData_on_the_last_page_is_incomplete_not_zero()
    {
        var client = new ScriptedCloudWatch(Page(null, Result("n0", "PartialData", 0), Result("r0", "Complete")));

        var reading = (await Fetch(client, "i-0123456789abcdef0"))["i-0123456789abcdef0"].NoToken;

        Assert.False(reading.IsComplete);
        Assert.Null(reading.ReportedCount(absentMeansZero: false));
        Assert.Contains("PartialData", reading.Problem);
    }

    [Fact]
    public async Task Messages_on_the_response_make_every_query_of_that_call_incomplete()
    {
        var client = new ScriptedCloudWatch(new GetMetricDataResponse
        {
            MetricDataResults = [Result("n0", "Complete", 0), Result("r0", "Complete")],
            Messages = [new MessageData { Code = "Sampled", Value = "Only part of the data was read." }],
        });

        var readings = (await Fetch(client, "i-0123456789abcdef0"))["i-0123456789abcdef0"];

        Assert.Equal("GetMetricData reported: Sampled: Only part of the data was read.", readings.NoToken.Problem);
        Assert.Equal(readings.NoToken.Problem, readings.Rejected.Problem);
    }

    [Fact]
    public async Task A_query_without_any_result_is_incomplete()
    {
        var client = new ScriptedCloudWatch(Page(null, Result("n0", "Complete", 0)));

        var rejected = (await Fetch(client, "i-0123456789abcdef0"))["i-0123456789abcdef0"].Rejected;

        Assert.Equal("CloudWatch returned no result for this query", rejected.Problem);
    }

    [Fact]
    public async Task Queries_are_split_into_calls_of_at_most_500()
    {
        var ids = Enumerable.Range(0, 600).Select(i => $"i-{i:x17}").ToList();
        var client = new ScriptedCloudWatch(responder: request => new GetMetricDataResponse
        {
            MetricDataResults = request.MetricDataQueries.Select(q => Result(q.Id, "Complete", 1)).ToList(),
        });

        var readings = await new MetricFetcher(client, "us-east-1", new SecretRedactor()).FetchAsync(ids, Window, null, CancellationToken.None);

        Assert.Equal([500, 500, 200], client.Requests.Select(r => r.MetricDataQueries.Count).Order().Reverse());
        Assert.All(ids, id => Assert.Equal((1.0, 1.0), (readings[id].NoToken.Sum!.Value, readings[id].Rejected.Sum!.Value)));
        Assert.All(client.Requests.SelectMany(r => r.MetricDataQueries), q => Assert.Equal(14 * 86400, q.MetricStat!.Period));
    }

    private static Task<Dictionary<string, (MetricReading NoToken, MetricReading Rejected)>> Fetch(ICloudWatchClient client, params string[] ids) =>
        new MetricFetcher(client, "us-east-1", new SecretRedactor()).FetchAsync(ids, Window, null, CancellationToken.None);

    private static GetMetricDataResponse Page(string? nextToken, params MetricDataResult[] results) => new() { MetricDataResults = [.. results], NextToken = nextToken };

    private static MetricDataResult Result(string id, string status, params double[] values) => new()
    {
        Id = id,
        StatusCode = status,
        Values = [.. values],
        Timestamps = values.Select(_ => Window.Start).ToList(),
    };

    private sealed class ScriptedCloudWatch(params GetMetricDataResponse[] pages) : ICloudWatchClient
    {
        private readonly Queue<GetMetricDataResponse> _pages = new(pages);
        private readonly Func<GetMetricDataRequest, GetMetricDataResponse>? _responder;

        public ScriptedCloudWatch(Func<GetMetricDataRequest, GetMetricDataResponse> responder)
            : this()
        {
            _responder = responder;
        }

        public List<GetMetricDataRequest> Requests { get; } = [];

        public Task<GetMetricDataResponse> GetMetricDataAsync(GetMetricDataRequest request, CancellationToken cancellationToken)
        {
            lock (Requests)
            {
                Requests.Add(new GetMetricDataRequest { MetricDataQueries = [.. request.MetricDataQueries], NextToken = request.NextToken });
                return Task.FromResult(_responder?.Invoke(request) ?? _pages.Dequeue());
            }
        }

        public Task<PutMetricAlarmResponse> PutMetricAlarmAsync(PutMetricAlarmRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<DescribeAlarmsResponse> DescribeAlarmsAsync(DescribeAlarmsRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public void Dispose()
        {
        }
    }
}
