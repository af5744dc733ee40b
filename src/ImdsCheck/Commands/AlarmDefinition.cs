using System.Text.RegularExpressions;
using ImdsCheck.Aws;
using ImdsCheck.CloudWatch;
using ImdsCheck.Scanning;

namespace ImdsCheck.Commands;

/// <summary>The alarm imds-check keeps on each instance's MetadataNoTokenRejected, and how to tell if one differs.</summary>
internal static partial class AlarmDefinition
{
    public const string NamePrefix = "imds-check/MetadataNoTokenRejected/";

    public static string NameFor(string instanceId) => NamePrefix + instanceId;

    /// <param name="existing">The alarm as it is; its actions are kept when no topic is given.</param>
    public static PutMetricAlarmRequest Desired(string instanceId, string? snsTopicArn, MetricAlarm? existing) => new()
    {
        AlarmName = NameFor(instanceId),
        AlarmDescription = $"imds-check: token-less instance metadata (IMDSv1) calls were rejected on {instanceId}, which requires tokens. Something on it is failing; find the caller and make it use IMDSv2.",
        Namespace = ImdsMetrics.Namespace,
        MetricName = ImdsMetrics.NoTokenRejected,
        Dimensions = [new Dimension { Name = ImdsMetrics.InstanceIdDimension, Value = instanceId }],
        Statistic = "Sum",
        Period = 300,
        EvaluationPeriods = 1,
        DatapointsToAlarm = 1,
        Threshold = 0,
        ComparisonOperator = "GreaterThanThreshold",
        TreatMissingData = "notBreaching",
        ActionsEnabled = true,
        AlarmActions = snsTopicArn is not null ? [snsTopicArn] : existing?.AlarmActions ?? [],
        OKActions = existing?.OKActions ?? [],
        InsufficientDataActions = existing?.InsufficientDataActions ?? [],
    };

    /// <returns>The names of the settings that differ; empty when the alarm is already as desired.</returns>
    public static List<string> Differences(PutMetricAlarmRequest desired, MetricAlarm existing)
    {
        var differences = new List<string>();
        void Check(string name, bool same)
        {
            if (!same)
            {
                differences.Add(name);
            }
        }

        Check("AlarmDescription", desired.AlarmDescription == existing.AlarmDescription);
        Check("Namespace", desired.Namespace == existing.Namespace);
        Check("MetricName", desired.MetricName == existing.MetricName);
        Check("Dimensions", SameDimensions(desired.Dimensions, existing.Dimensions));
        Check("Statistic", desired.Statistic == existing.Statistic);
        Check("Period", desired.Period == existing.Period);
        Check("EvaluationPeriods", desired.EvaluationPeriods == existing.EvaluationPeriods);
        Check("DatapointsToAlarm", desired.DatapointsToAlarm == existing.DatapointsToAlarm);
        Check("Threshold", desired.Threshold == existing.Threshold);
        Check("ComparisonOperator", desired.ComparisonOperator == existing.ComparisonOperator);
        Check("TreatMissingData", desired.TreatMissingData == existing.TreatMissingData);
        Check("ActionsEnabled", desired.ActionsEnabled == (existing.ActionsEnabled ?? true));
        Check("AlarmActions", (desired.AlarmActions ?? []).Order().SequenceEqual((existing.AlarmActions ?? []).Order()));
        return differences;
    }

    private static bool SameDimensions(List<Dimension>? a, List<Dimension>? b) =>
        (a ?? []).Select(d => (d.Name, d.Value)).Order().SequenceEqual((b ?? []).Select(d => (d.Name, d.Value)).Order());

    /// <summary>Alarm actions must be in the alarm's region, so the topic fixes the one region it can serve.</summary>
    public static string? TopicRegion(string? snsTopicArn)
    {
        if (snsTopicArn is null)
        {
            return null;
        }

        var match = SnsTopicArn().Match(snsTopicArn);
        if (!match.Success)
        {
            throw new ImdsCheckFailure($"--sns-topic-arn '{snsTopicArn}' is not an SNS topic ARN (arn:aws:sns:REGION:ACCOUNT:NAME).");
        }

        return match.Groups["region"].Value;
    }

    [GeneratedRegex("^arn:aws[a-z-]*:sns:(?<region>[a-z]{2}(-[a-z0-9]+)+-[0-9]+):[0-9]{12}:[A-Za-z0-9_.-]{1,256}$")]
    private static partial Regex SnsTopicArn();
}
