using System.Collections.Concurrent;
using System.Text.Json;

namespace ImdsCheck.Tests.AwsDouble;

/// <summary>One request the double answered.</summary>
public sealed record RecordedCall(
    string Protocol,
    string SigningService,
    string Action,
    string Region,
    string AccessKeyId,
    bool HasSessionToken,
    IReadOnlyDictionary<string, string> Form,
    JsonElement? Json,
    int StatusCode,
    string? ErrorCode)
{
    public bool IsEc2 => Protocol == "ec2";

    public bool IsCloudWatch => Protocol == "cloudwatch";

    public bool DryRun => Form.TryGetValue("DryRun", out var value) && value == "true";

    /// <summary>Calls that change something in the account (dry runs do not).</summary>
    public bool IsModifying =>
        (IsEc2 && Action is "ModifyInstanceMetadataOptions" or "ModifyInstanceMetadataDefaults" && !DryRun) ||
        (IsCloudWatch && Action is "PutMetricAlarm");
}

public sealed class CallLog
{
    private readonly ConcurrentQueue<RecordedCall> _calls = new();

    public void Add(RecordedCall call) => _calls.Enqueue(call);

    public IReadOnlyList<RecordedCall> All => [.. _calls];

    public void Clear() => _calls.Clear();

    public IReadOnlyList<RecordedCall> Of(string action, string? region = null) =>
        _calls.Where(c => c.Action == action && (region is null || c.Region == region)).ToList();

    public int Count(string action, string? region = null) => Of(action, region).Count;

    public IReadOnlyList<RecordedCall> Modifying => _calls.Where(c => c.IsModifying).ToList();
}
