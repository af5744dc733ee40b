using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ImdsCheck.Tests.AwsDouble;

/// <summary>
/// CloudWatch over AWS JSON 1.0: GetMetricData (paged by a datapoint budget), GetMetricStatistics
/// (for the one-call-per-instance comparison), PutMetricAlarm and DescribeAlarms.
/// </summary>
internal sealed partial class CloudWatchJsonApi
{
    private static readonly HashSet<string> ComparisonOperators =
    [
        "GreaterThanOrEqualToThreshold", "GreaterThanThreshold", "LessThanThreshold", "LessThanOrEqualToThreshold",
        "LessThanLowerOrGreaterThanUpperThreshold", "LessThanLowerThreshold", "GreaterThanUpperThreshold",
    ];

    private static readonly HashSet<string> TreatMissingDataValues = ["missing", "notBreaching", "breaching", "ignore"];

    private readonly SimulatedFleet _fleet;
    private readonly DoubleOptions _options;

    public CloudWatchJsonApi(SimulatedFleet fleet, DoubleOptions options)
    {
        _fleet = fleet;
        _options = options;
    }

    public DoubleResponse Handle(string operation, string region, JsonElement request)
    {
        if (!_fleet.Regions.TryGetValue(region, out var sim))
        {
            return Error(403, "InvalidClientTokenId", "Sender", $"The security token included in the request is invalid for {region}.");
        }

        try
        {
            return operation switch
            {
                "GetMetricData" => GetMetricData(sim, request),
                "GetMetricStatistics" => GetMetricStatistics(sim, request),
                "PutMetricAlarm" => PutMetricAlarm(sim, request),
                "DescribeAlarms" => DescribeAlarms(sim, request),
                _ => Error(400, "UnknownOperationException", "Sender", $"Unknown operation {operation}"),
            };
        }
        catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or FormatException)
        {
            // A field of the wrong JSON type is what a real service reports as a serialization error.
            return Error(400, "SerializationException", "Sender", ex.Message);
        }
    }

    /// <summary>An AWS JSON 1.0 error as a query-compatible service sends it.</summary>
    public static DoubleResponse Error(int status, string code, string fault, string message)
    {
        var type = code switch
        {
            "Throttling" => "com.amazon.coral.availability#ThrottlingException",
            "AccessDenied" => "com.amazon.coral.service#AccessDeniedException",
            "InternalServiceError" => "com.amazonaws.cloudwatch#InternalServiceFault",
            _ => code,
        };
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["__type"] = type, ["message"] = message });
        return new DoubleResponse(status, "application/x-amz-json-1.0", body, code,
            new Dictionary<string, string> { ["x-amzn-query-error"] = $"{code};{fault}" });
    }

    private DoubleResponse GetMetricData(SimRegion region, JsonElement request)
    {
        var queries = request.GetProperty("MetricDataQueries");
        if (queries.GetArrayLength() > 500)
        {
            return Validation("The collection MetricDataQueries must not have a size greater than 500.");
        }

        var start = Epoch(request.GetProperty("StartTime"));
        var end = Epoch(request.GetProperty("EndTime"));
        if (end <= start)
        {
            return Validation("The parameter StartTime must be less than the parameter EndTime.");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var query in queries.EnumerateArray())
        {
            var id = query.GetProperty("Id").GetString()!;
            if (!MetricId().IsMatch(id) || !ids.Add(id))
            {
                return Validation($"The value {id} for parameter MetricDataQueries.member.Id is invalid or repeated.");
            }

            if (!query.TryGetProperty("MetricStat", out var stat) || stat.GetProperty("Period").GetInt32() % 60 != 0)
            {
                return Validation("Each query needs a MetricStat with a Period that is a multiple of 60.");
            }
        }

        var offset = 0;
        if (request.TryGetProperty("NextToken", out var tokenElement) && tokenElement.GetString() is { } token &&
            (!Ec2QueryApi.TryDecodeToken(token, "md", out offset) || offset > queries.GetArrayLength()))
        {
            return Error(400, "InvalidNextToken", "Sender", "The service couldn't process the NextToken.");
        }

        var descending = !request.TryGetProperty("ScanBy", out var scanBy) || scanBy.GetString() != "TimestampAscending";
        var results = new JsonArray();
        var budget = _options.MaxDatapointsPerPage;
        var index = offset;
        var all = queries.EnumerateArray().ToList();
        for (; index < all.Count; index++)
        {
            var query = all[index];
            var stat = query.GetProperty("MetricStat");
            var metric = stat.GetProperty("Metric");
            var period = stat.GetProperty("Period").GetInt32();
            var instance = FindInstance(region, metric);
            var buckets = instance is null || metric.GetProperty("Namespace").GetString() != "AWS/EC2"
                ? []
                : Bucket(instance.Datapoints(metric.GetProperty("MetricName").GetString()!), start, end, period, stat.GetProperty("Stat").GetString()!);
            var cost = Math.Max(1, buckets.Count);
            if (cost > budget && results.Count > 0)
            {
                break;
            }

            budget -= cost;
            if (descending)
            {
                buckets.Reverse();
            }

            results.Add(Result(query.GetProperty("Id").GetString()!, instance, buckets));
        }

        var response = new JsonObject
        {
            ["MetricDataResults"] = results,
            ["Messages"] = new JsonArray(),
        };
        if (index < all.Count)
        {
            response["NextToken"] = Ec2QueryApi.EncodeToken("md", index);
        }

        return Json(response);
    }

    private static JsonObject Result(string id, SimInstance? instance, List<(DateTime Time, double Value)> buckets)
    {
        var fault = instance?.Fault ?? MetricFault.None;
        var result = new JsonObject
        {
            ["Id"] = id,
            ["Label"] = instance?.InstanceId ?? id,
            ["Timestamps"] = new JsonArray(),
            ["Values"] = new JsonArray(),
            ["StatusCode"] = fault switch
            {
                MetricFault.PartialData => "PartialData",
                MetricFault.InternalError => "InternalError",
                MetricFault.Forbidden => "Forbidden",
                _ => "Complete",
            },
        };
        if (fault is not (MetricFault.InternalError or MetricFault.Forbidden))
        {
            foreach (var (time, value) in buckets)
            {
                result["Timestamps"]!.AsArray().Add(ToEpoch(time));
                result["Values"]!.AsArray().Add(value);
            }
        }

        if (fault == MetricFault.Message)
        {
            result["Messages"] = new JsonArray(new JsonObject { ["Code"] = "MaxMetricsExceeded", ["Value"] = "Some datapoints were not evaluated." });
        }

        return result;
    }

    private static DoubleResponse GetMetricStatistics(SimRegion region, JsonElement request)
    {
        var start = Epoch(request.GetProperty("StartTime"));
        var end = Epoch(request.GetProperty("EndTime"));
        var period = request.GetProperty("Period").GetInt32();
        var instance = FindInstance(region, request);
        var buckets = instance is null ? [] : Bucket(instance.Datapoints(request.GetProperty("MetricName").GetString()!), start, end, period, "Sum");
        var datapoints = new JsonArray();
        foreach (var (time, value) in buckets)
        {
            datapoints.Add(new JsonObject { ["Timestamp"] = ToEpoch(time), ["Sum"] = value, ["Unit"] = "Count" });
        }

        return Json(new JsonObject { ["Label"] = request.GetProperty("MetricName").GetString(), ["Datapoints"] = datapoints });
    }

    private static DoubleResponse PutMetricAlarm(SimRegion region, JsonElement request)
    {
        var name = request.GetProperty("AlarmName").GetString();
        if (string.IsNullOrEmpty(name) || name.Length > 255)
        {
            return Validation("AlarmName must be 1-255 characters.");
        }

        var period = request.GetProperty("Period").GetInt32();
        if (period is not (10 or 20 or 30) && period % 60 != 0)
        {
            return Validation("Period must be 10, 20, 30 or a multiple of 60.");
        }

        if (request.GetProperty("EvaluationPeriods").GetInt32() < 1 ||
            !ComparisonOperators.Contains(request.GetProperty("ComparisonOperator").GetString()!) ||
            (request.TryGetProperty("TreatMissingData", out var missing) && !TreatMissingDataValues.Contains(missing.GetString()!)))
        {
            return Validation("EvaluationPeriods, ComparisonOperator or TreatMissingData is invalid.");
        }

        foreach (var list in new[] { "AlarmActions", "OKActions", "InsufficientDataActions" })
        {
            if (request.TryGetProperty(list, out var actions) &&
                (actions.GetArrayLength() > 5 || actions.EnumerateArray().Any(a => !a.GetString()!.StartsWith("arn:", StringComparison.Ordinal))))
            {
                return Validation($"{list} takes at most 5 ARNs.");
            }
        }

        var alarm = JsonNode.Parse(request.GetRawText())!.AsObject();
        alarm["AlarmArn"] = $"arn:aws:cloudwatch:{region.Name}:123456789012:alarm:{name}";
        alarm["StateValue"] = "INSUFFICIENT_DATA";
        alarm["ActionsEnabled"] ??= true;
        alarm["OKActions"] ??= new JsonArray();
        alarm["AlarmActions"] ??= new JsonArray();
        alarm["InsufficientDataActions"] ??= new JsonArray();
        alarm["TreatMissingData"] ??= "missing";
        region.Alarms[name] = alarm;
        return Json(new JsonObject());
    }

    private static DoubleResponse DescribeAlarms(SimRegion region, JsonElement request)
    {
        var maxRecords = request.TryGetProperty("MaxRecords", out var max) ? max.GetInt32() : 50;
        if (maxRecords is < 1 or > 100)
        {
            return Validation("MaxRecords must be between 1 and 100.");
        }

        HashSet<string>? names = null;
        if (request.TryGetProperty("AlarmNames", out var namesElement))
        {
            names = namesElement.EnumerateArray().Select(n => n.GetString()!).ToHashSet(StringComparer.Ordinal);
            if (names.Count > 100)
            {
                return Validation("AlarmNames takes at most 100 names.");
            }
        }

        var prefix = request.TryGetProperty("AlarmNamePrefix", out var prefixElement) ? prefixElement.GetString() : null;
        var matching = region.Alarms
            .Where(a => (names is null || names.Contains(a.Key)) && (prefix is null || a.Key.StartsWith(prefix, StringComparison.Ordinal)))
            .OrderBy(a => a.Key, StringComparer.Ordinal)
            .ToList();
        var offset = 0;
        if (request.TryGetProperty("NextToken", out var tokenElement) && tokenElement.GetString() is { } token &&
            !Ec2QueryApi.TryDecodeToken(token, "da", out offset))
        {
            return Error(400, "InvalidNextToken", "Sender", "The service couldn't process the NextToken.");
        }

        var page = matching.Skip(offset).Take(maxRecords).ToList();
        var alarms = new JsonArray();
        foreach (var (_, alarm) in page)
        {
            alarms.Add(alarm.DeepClone());
        }

        var response = new JsonObject { ["MetricAlarms"] = alarms, ["CompositeAlarms"] = new JsonArray() };
        if (offset + page.Count < matching.Count)
        {
            response["NextToken"] = Ec2QueryApi.EncodeToken("da", offset + page.Count);
        }

        return Json(response);
    }

    private static SimInstance? FindInstance(SimRegion region, JsonElement metric)
    {
        if (!metric.TryGetProperty("Dimensions", out var dimensions))
        {
            return null;
        }

        foreach (var dimension in dimensions.EnumerateArray())
        {
            if (dimension.GetProperty("Name").GetString() == "InstanceId")
            {
                return region.Find(dimension.GetProperty("Value").GetString()!);
            }
        }

        return null;
    }

    /// <summary>Sums datapoints in [start, end) into periods aligned to start, as GetMetricData does.</summary>
    private static List<(DateTime Time, double Value)> Bucket(List<(DateTime Time, double Value)> series, DateTime start, DateTime end, int period, string stat)
    {
        if (stat != "Sum")
        {
            throw new InvalidOperationException("The double only computes Sum.");
        }

        var sums = new SortedDictionary<long, double>();
        foreach (var (time, value) in series)
        {
            if (time >= start && time < end)
            {
                var bucket = (long)(time - start).TotalSeconds / period;
                sums[bucket] = sums.GetValueOrDefault(bucket) + value;
            }
        }

        return sums.Select(s => (start.AddSeconds(s.Key * period), s.Value)).ToList();
    }

    /// <summary>AWS JSON 1.0 timestamps are numbers; a string here is the client's protocol error.</summary>
    private static DateTime Epoch(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Number)
        {
            throw new FormatException("Timestamps must be epoch seconds.");
        }

        return DateTime.UnixEpoch.AddSeconds(element.GetDouble());
    }

    private static double ToEpoch(DateTime time) => (time - DateTime.UnixEpoch).TotalSeconds;

    private static DoubleResponse Validation(string message) => Error(400, "ValidationError", "Sender", message);

    private static DoubleResponse Json(JsonObject body) =>
        new(200, "application/x-amz-json-1.0", Encoding.UTF8.GetBytes(body.ToJsonString()), null);

    [GeneratedRegex("^[a-z][a-zA-Z0-9_]{0,254}$")]
    private static partial Regex MetricId();
}
