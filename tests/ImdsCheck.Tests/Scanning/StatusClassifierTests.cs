using ImdsCheck.Scanning;

namespace ImdsCheck.Tests.Scanning;

/// <summary>The status table of the issue, row by row.</summary>
public sealed class StatusClassifierTests
{
    private static readonly MetricWindow Window = MetricWindow.EndingAt(new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc), 14);
    private static readonly MetricReading None = new(null, null);

    [Theory]
    [InlineData("optional", "enabled", "running", 0.0, null, "Ready")]
    [InlineData("optional", "enabled", "running", 12.0, null, "InUse")]
    [InlineData("required", "enabled", "running", 0.0, 3.0, "Broken")]
    [InlineData("required", "enabled", "running", 5.0, null, "Enforced")]
    [InlineData("optional", "disabled", "running", null, null, "Enforced")]
    [InlineData("optional", "enabled", "stopped", null, null, "Unknown")]
    [InlineData(null, "enabled", "running", 0.0, null, "Unknown")]
    public void Rows_of_the_status_table(string? tokens, string endpoint, string state, double? noToken, double? rejected, string expected)
    {
        var (status, reason) = Classify(tokens, endpoint, state, new MetricReading(noToken, null), new MetricReading(rejected, null));

        Assert.Equal(Enum.Parse<InstanceStatus>(expected), status);
        Assert.False(string.IsNullOrWhiteSpace(reason));
    }

    [Fact]
    public void Incomplete_data_is_unknown_with_the_reason_and_never_ready()
    {
        var (status, reason) = Classify("optional", "enabled", "running", new MetricReading(0, "CloudWatch returned PartialData"), None);

        Assert.Equal(InstanceStatus.Unknown, status);
        Assert.Contains("PartialData", reason);
    }

    [Fact]
    public void Token_less_calls_in_incomplete_data_still_prove_in_use()
    {
        var (status, reason) = Classify("optional", "enabled", "running", new MetricReading(4, "CloudWatch status InternalError"), None);

        Assert.Equal(InstanceStatus.InUse, status);
        Assert.Contains("at least", reason);
    }

    [Fact]
    public void Launched_inside_the_window_is_unknown()
    {
        var instance = new InstanceFacts("i-0123456789abcdef0", "running", "optional", "enabled", 1, Window.Start.AddDays(2), new Dictionary<string, string>());

        var (status, reason) = StatusClassifier.Classify(instance, new MetricReading(0, null), None, Window);

        Assert.Equal(InstanceStatus.Unknown, status);
        Assert.Contains("inside the 14-day window", reason);
    }

    [Fact]
    public void Required_tokens_with_incomplete_rejection_data_is_unknown()
    {
        var (status, _) = Classify("required", "enabled", "running", new MetricReading(0, null), new MetricReading(null, "CloudWatch status Forbidden"));

        Assert.Equal(InstanceStatus.Unknown, status);
    }

    private static (InstanceStatus, string) Classify(string? tokens, string endpoint, string state, MetricReading noToken, MetricReading rejected) =>
        StatusClassifier.Classify(
            new InstanceFacts("i-0123456789abcdef0", state, tokens, endpoint, 1, Window.Start.AddDays(-100), new Dictionary<string, string>()),
            noToken, rejected, Window);
}
