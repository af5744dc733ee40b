using System.Text.Json;
using System.Text.Json.Serialization;
using ImdsCheck.Aws;
using ImdsCheck.Scanning;

namespace ImdsCheck.Commands;

/// <summary>
/// What enforce changed, so that `enforce --rollback FILE` can put it back. Written before the
/// first change (entries "planned") and rewritten afterwards with each entry's result, so that
/// even an interrupted run leaves a usable file.
/// </summary>
internal sealed class RollbackFile
{
    public const string FormatName = "imds-check-rollback";
    public const int CurrentVersion = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Format { get; set; } = FormatName;

    public int Version { get; set; } = CurrentVersion;

    public DateTime CreatedAt { get; set; }

    public string? Tool { get; set; }

    public List<RollbackEntry> Changes { get; set; } = [];

    public static string DefaultPath(DateTime now) =>
        Path.GetFullPath($"imds-check-rollback-{now:yyyyMMdd'T'HHmmss'Z'}.json");

    /// <summary>Writes through a temporary file so a crash never leaves half a file.</summary>
    public void Save(string path)
    {
        var temporary = path + ".tmp";
        try
        {
            File.WriteAllText(temporary, JsonSerializer.Serialize(this, Options));
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ImdsCheckFailure($"cannot write the rollback file {path}: {ex.Message}", ex);
        }
    }

    /// <summary>Reads and validates a rollback file; every problem is reported before any call is made.</summary>
    public static RollbackFile Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ImdsCheckFailure($"cannot read the rollback file {path}: {ex.Message}", ex);
        }

        RollbackFile? file;
        try
        {
            file = JsonSerializer.Deserialize<RollbackFile>(text, Options);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}" : "";
            throw new ImdsCheckFailure($"rollback file {path} is not valid JSON{where}: {AwsErrorMessages.FirstSentence(ex.Message)}", ex);
        }

        var problems = Validate(file);
        if (problems.Count > 0)
        {
            var shown = string.Join("; ", problems.Take(5)) + (problems.Count > 5 ? $"; and {problems.Count - 5} more" : "");
            throw new ImdsCheckFailure($"rollback file {path} is invalid, nothing was changed: {shown}");
        }

        return file!;
    }

    private static List<string> Validate(RollbackFile? file)
    {
        var problems = new List<string>();
        if (file is null)
        {
            problems.Add("the file is empty (null)");
            return problems;
        }

        if (file.Format != FormatName)
        {
            problems.Add($"format is '{file.Format}', expected '{FormatName}'");
        }

        if (file.Version != CurrentVersion)
        {
            problems.Add($"version {file.Version} is not supported (this tool reads version {CurrentVersion})");
        }

        if (file.Changes is null || file.Changes.Count == 0)
        {
            problems.Add("changes is missing or empty");
            return problems;
        }

        var seen = new HashSet<(string, string)>();
        for (var i = 0; i < file.Changes.Count; i++)
        {
            var entry = file.Changes[i];
            var at = $"changes[{i}]";
            if (entry is null)
            {
                problems.Add($"{at} is null");
                continue;
            }

            if (!RegionResolver.IsRegionName(entry.Region))
            {
                problems.Add($"{at}.region '{entry.Region}' is not an AWS region");
            }

            if (entry.InstanceId is null || !InstanceSelector.IsInstanceId(entry.InstanceId))
            {
                problems.Add($"{at}.instanceId '{entry.InstanceId}' is not an instance ID");
            }

            if (entry.Previous?.HttpTokens is not ("optional" or "required"))
            {
                problems.Add($"{at}.previous.httpTokens must be 'optional' or 'required'");
            }

            if (entry.Result is not ("planned" or "applied" or "failed"))
            {
                problems.Add($"{at}.result must be planned, applied or failed");
            }

            if (entry.Region is not null && entry.InstanceId is not null && !seen.Add((entry.Region, entry.InstanceId)))
            {
                problems.Add($"{at} repeats {entry.Region}/{entry.InstanceId}");
            }
        }

        return problems;
    }
}

internal sealed class RollbackEntry
{
    public string Region { get; set; } = "";

    public string InstanceId { get; set; } = "";

    public PreviousSettings? Previous { get; set; }

    /// <summary>planned (not yet attempted, or interrupted), applied, or failed (left unchanged).</summary>
    public string Result { get; set; } = "planned";

    public DateTime? AppliedAt { get; set; }

    public string? Error { get; set; }
}

internal sealed class PreviousSettings
{
    public string? HttpTokens { get; set; }

    public string? HttpEndpoint { get; set; }

    public int? HttpPutResponseHopLimit { get; set; }
}
