using System.Globalization;

namespace ImdsCheck.Scanning;

/// <summary>Joins an instance's settings with its metric readings into exactly one status.</summary>
public static class StatusClassifier
{
    public static (InstanceStatus Status, string Reason) Classify(InstanceFacts instance, MetricReading noToken, MetricReading rejected, MetricWindow window)
    {
        if (string.Equals(instance.HttpEndpoint, "disabled", StringComparison.Ordinal))
        {
            return (InstanceStatus.Enforced, "instance metadata endpoint is disabled (HttpEndpoint=disabled)");
        }

        switch (instance.HttpTokens)
        {
            case "required":
                if (rejected.HasPositiveCount)
                {
                    return (InstanceStatus.Broken, $"{Count(rejected.Sum)} token-less calls rejected in the last {window.Days} days; find and fix the caller");
                }

                if (!rejected.IsComplete)
                {
                    return (InstanceStatus.Unknown, $"MetadataNoTokenRejected data is incomplete ({rejected.Problem})");
                }

                return (InstanceStatus.Enforced, $"tokens required; no rejected calls in the last {window.Days} days");

            case "optional":
                if (noToken.HasPositiveCount)
                {
                    var partial = noToken.IsComplete ? "" : " (at least; data incomplete)";
                    return (InstanceStatus.InUse, $"{Count(noToken.Sum)} token-less calls in the last {window.Days} days{partial}; fix the callers first (rules IMDS001-IMDS003 find them in .NET code)");
                }

                if (!noToken.IsComplete)
                {
                    return (InstanceStatus.Unknown, $"MetadataNoToken data is incomplete ({noToken.Problem})");
                }

                if (noToken.Sum is null)
                {
                    var why = instance.State == "running" ? "" : $"; the instance is {instance.State}";
                    return (InstanceStatus.Unknown, $"no MetadataNoToken datapoints in the last {window.Days} days{why}");
                }

                if (instance.LaunchTime is { } launched && launched > window.Start)
                {
                    return (InstanceStatus.Unknown, $"launched {launched.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, inside the {window.Days}-day window: too little history to call it safe");
                }

                return (InstanceStatus.Ready, $"no token-less calls in the last {window.Days} days");

            default:
                return (InstanceStatus.Unknown, "DescribeInstances did not report the instance's metadata options");
        }
    }

    private static string Count(double? value) => (value ?? 0).ToString("0.##", CultureInfo.InvariantCulture);
}
