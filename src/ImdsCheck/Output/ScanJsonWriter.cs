using System.Text.Json;
using ImdsCheck.Scanning;

namespace ImdsCheck.Output;

/// <summary>The documented --output json shape: {"regions":[{"region","defaults","instances":[...]}]}.</summary>
internal static class ScanJsonWriter
{
    public static void Write(TextWriter output, IReadOnlyList<RegionReport> reports, MetricWindow window, int exitCode) =>
        ChangeWriter.WriteJsonDocument(output, json =>
        {
            WriteWindow(json, window);
            json.WriteStartArray("regions");
            foreach (var report in reports)
            {
                WriteRegion(json, report);
            }

            json.WriteEndArray();
            json.WriteNumber("exitCode", exitCode);
        });

    internal static void WriteWindow(Utf8JsonWriter json, MetricWindow window)
    {
        json.WriteStartObject("window");
        json.WriteString("start", window.Start);
        json.WriteString("end", window.End);
        json.WriteNumber("days", window.Days);
        json.WriteEndObject();
    }

    private static void WriteRegion(Utf8JsonWriter json, RegionReport report)
    {
        json.WriteStartObject();
        json.WriteString("region", report.Region);
        if (report.Defaults is { } defaults)
        {
            WriteDefaults(json, defaults);
        }
        else
        {
            json.WriteNull("defaults");
        }

        if (report.Error is not null)
        {
            json.WriteString("error", report.Error);
        }

        json.WriteStartObject("summary");
        json.WriteNumber("instances", report.Instances.Count);
        foreach (var status in Enum.GetValues<InstanceStatus>())
        {
            json.WriteNumber(JsonName(status), report.Count(status));
        }

        json.WriteEndObject();

        json.WriteStartArray("instances");
        foreach (var instance in report.Instances)
        {
            WriteInstance(json, instance);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    internal static void WriteDefaults(Utf8JsonWriter json, RegionDefaults defaults)
    {
        json.WriteStartObject("defaults");
        json.WriteString("httpTokens", defaults.HttpTokens);
        json.WriteString("httpTokensEnforced", defaults.HttpTokensEnforced);
        json.WriteString("httpEndpoint", defaults.HttpEndpoint);
        WriteNullableNumber(json, "httpPutResponseHopLimit", defaults.HopLimit);
        json.WriteString("instanceMetadataTags", defaults.InstanceMetadataTags);
        json.WriteString("managedBy", defaults.ManagedBy);
        if (defaults.ManagedExceptionMessage is not null)
        {
            json.WriteString("managedExceptionMessage", defaults.ManagedExceptionMessage);
        }

        json.WriteEndObject();
    }

    private static void WriteInstance(Utf8JsonWriter json, InstanceReport instance)
    {
        var facts = instance.Facts;
        json.WriteStartObject();
        json.WriteString("instanceId", facts.InstanceId);
        json.WriteString("state", facts.State);
        json.WriteString("httpTokens", facts.HttpTokens);
        json.WriteString("httpEndpoint", facts.HttpEndpoint);
        WriteNullableNumber(json, "httpPutResponseHopLimit", facts.HopLimit);
        if (facts.LaunchTime is { } launched)
        {
            json.WriteString("launchTime", launched);
        }

        WriteNullableNumber(json, "metadataNoToken", instance.NoToken.ReportedCount(absentMeansZero: false));
        WriteNullableNumber(json, "metadataNoTokenRejected", instance.Rejected.ReportedCount(absentMeansZero: true));
        json.WriteBoolean("metricsComplete", instance.NoToken.IsComplete && instance.Rejected.IsComplete);
        json.WriteString("status", instance.Status.ToCliName());
        json.WriteString("reason", instance.Reason);
        json.WriteEndObject();
    }

    internal static string JsonName(InstanceStatus status) => status switch
    {
        InstanceStatus.InUse => "inUse",
        _ => status.ToCliName(),
    };

    private static void WriteNullableNumber(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
