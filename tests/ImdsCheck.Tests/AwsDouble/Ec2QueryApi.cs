using System.Globalization;
using System.Text;
using System.Xml;

namespace ImdsCheck.Tests.AwsDouble;

/// <summary>
/// The EC2 query protocol (Version 2016-11-15): form-encoded requests, XML answers in the
/// namespace and element names AWSSDK.EC2's unmarshallers read.
/// </summary>
internal sealed class Ec2QueryApi
{
    public const string Namespace = "http://ec2.amazonaws.com/doc/2016-11-15/";

    private static readonly HashSet<string> KnownFilters = new(StringComparer.Ordinal) { "instance-id", "instance-state-name" };

    private readonly SimulatedFleet _fleet;

    public Ec2QueryApi(SimulatedFleet fleet)
    {
        _fleet = fleet;
    }

    public DoubleResponse Handle(string action, string region, IReadOnlyDictionary<string, string> form)
    {
        if (!_fleet.Regions.TryGetValue(region, out var sim))
        {
            return Error(401, "AuthFailure", $"AWS was not able to validate the provided access credentials for region {region}.");
        }

        if (form.GetValueOrDefault("Version") != "2016-11-15")
        {
            return Error(400, "InvalidParameterValue", "Version must be 2016-11-15.");
        }

        return action switch
        {
            "DescribeInstances" => DescribeInstances(sim, form),
            "GetInstanceMetadataDefaults" => GetInstanceMetadataDefaults(sim),
            "ModifyInstanceMetadataOptions" => ModifyInstanceMetadataOptions(sim, form),
            "ModifyInstanceMetadataDefaults" => ModifyInstanceMetadataDefaults(sim, form),
            "DescribeRegions" => DescribeRegions(),
            _ => Error(400, "InvalidAction", $"The action {action} is not valid for this web service."),
        };
    }

    public static DoubleResponse Error(int status, string code, string message)
    {
        var xml = Document(writer =>
        {
            writer.WriteStartElement("Response");
            writer.WriteStartElement("Errors");
            writer.WriteStartElement("Error");
            writer.WriteElementString("Code", code);
            writer.WriteElementString("Message", message);
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteElementString("RequestID", Guid.NewGuid().ToString());
            writer.WriteEndElement();
        });
        return new DoubleResponse(status, "text/xml;charset=UTF-8", xml, code);
    }

    private DoubleResponse DescribeInstances(SimRegion region, IReadOnlyDictionary<string, string> form)
    {
        var filters = ReadFilters(form);
        foreach (var name in filters.Keys)
        {
            if (!KnownFilters.Contains(name) && !name.StartsWith("tag:", StringComparison.Ordinal))
            {
                return Error(400, "InvalidParameterValue", $"The filter '{name}' is invalid");
            }
        }

        var ids = Members(form, "InstanceId");
        int? maxResults = null;
        if (form.TryGetValue("MaxResults", out var maxText))
        {
            maxResults = int.Parse(maxText, CultureInfo.InvariantCulture);
            if (maxResults is < 5 or > 1000)
            {
                return Error(400, "InvalidParameterValue", "Value for parameter maxResults is invalid. Expecting a value between 5 and 1000.");
            }

            if (ids.Count > 0)
            {
                return Error(400, "InvalidParameterCombination", "The parameter instancesSet cannot be used with the parameter maxResults");
            }
        }

        List<SimInstance> matching;
        lock (region.Gate)
        {
            matching = region.Instances.Where(i => (ids.Count == 0 || ids.Contains(i.InstanceId)) && Matches(i, filters)).ToList();
        }

        var offset = 0;
        if (form.TryGetValue("NextToken", out var token))
        {
            if (!TryDecodeToken(token, "di", out offset) || offset > matching.Count)
            {
                return Error(400, "InvalidParameterValue", "The token is invalid.");
            }
        }

        var page = matching.Skip(offset).Take(maxResults ?? int.MaxValue).ToList();
        var next = offset + page.Count < matching.Count ? EncodeToken("di", offset + page.Count) : null;
        var xml = Document(writer =>
        {
            writer.WriteStartElement("DescribeInstancesResponse", Namespace);
            writer.WriteElementString("requestId", Guid.NewGuid().ToString());
            writer.WriteStartElement("reservationSet");

            // Five instances to a reservation, as launches of several instances produce.
            foreach (var reservation in page.Chunk(5))
            {
                writer.WriteStartElement("item");
                writer.WriteElementString("reservationId", "r-" + reservation[0].InstanceId[2..]);
                writer.WriteElementString("ownerId", "123456789012");
                writer.WriteStartElement("groupSet");
                writer.WriteEndElement();
                writer.WriteStartElement("instancesSet");
                foreach (var instance in reservation)
                {
                    WriteInstance(writer, instance);
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            if (next is not null)
            {
                writer.WriteElementString("nextToken", next);
            }

            writer.WriteEndElement();
        });
        return Ok(xml);
    }

    private static void WriteInstance(XmlWriter writer, SimInstance instance)
    {
        writer.WriteStartElement("item");
        writer.WriteElementString("instanceId", instance.InstanceId);
        writer.WriteElementString("imageId", "ami-0123456789abcdef0");
        writer.WriteStartElement("instanceState");
        writer.WriteElementString("code", StateCode(instance.State).ToString(CultureInfo.InvariantCulture));
        writer.WriteElementString("name", instance.State);
        writer.WriteEndElement();
        writer.WriteElementString("instanceType", "t3.micro");
        writer.WriteElementString("launchTime", instance.LaunchTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        writer.WriteStartElement("tagSet");
        foreach (var tag in instance.Tags)
        {
            writer.WriteStartElement("item");
            writer.WriteElementString("key", tag.Key);
            writer.WriteElementString("value", tag.Value);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        WriteMetadataOptions(writer, "metadataOptions", instance, instance.MetadataOptionsState);
        writer.WriteEndElement();
    }

    private static void WriteMetadataOptions(XmlWriter writer, string element, SimInstance instance, string state)
    {
        writer.WriteStartElement(element);
        writer.WriteElementString("state", state);
        writer.WriteElementString("httpTokens", instance.HttpTokens);
        writer.WriteElementString("httpPutResponseHopLimit", instance.HopLimit.ToString(CultureInfo.InvariantCulture));
        writer.WriteElementString("httpEndpoint", instance.HttpEndpoint);
        writer.WriteElementString("httpProtocolIpv6", "disabled");
        writer.WriteElementString("instanceMetadataTags", "disabled");
        writer.WriteEndElement();
    }

    private static DoubleResponse GetInstanceMetadataDefaults(SimRegion region)
    {
        var defaults = region.Defaults;
        var xml = Document(writer =>
        {
            writer.WriteStartElement("GetInstanceMetadataDefaultsResponse", Namespace);
            writer.WriteElementString("requestId", Guid.NewGuid().ToString());
            writer.WriteStartElement("accountLevel");
            lock (region.Gate)
            {
                WriteIfSet(writer, "httpTokens", defaults.HttpTokens);
                WriteIfSet(writer, "httpPutResponseHopLimit", defaults.HopLimit?.ToString(CultureInfo.InvariantCulture));
                WriteIfSet(writer, "httpEndpoint", defaults.HttpEndpoint);
                WriteIfSet(writer, "instanceMetadataTags", defaults.InstanceMetadataTags);
                WriteIfSet(writer, "managedBy", defaults.ManagedBy);
                WriteIfSet(writer, "managedExceptionMessage", defaults.ManagedExceptionMessage);
                WriteIfSet(writer, "httpTokensEnforced", defaults.HttpTokensEnforced);
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        });
        return Ok(xml);
    }

    private static DoubleResponse ModifyInstanceMetadataOptions(SimRegion region, IReadOnlyDictionary<string, string> form)
    {
        var instanceId = form.GetValueOrDefault("InstanceId");
        var instance = instanceId is null ? null : region.Find(instanceId);
        if (instance is null)
        {
            return Error(400, "InvalidInstanceID.NotFound", $"The instance ID '{instanceId}' does not exist");
        }

        var tokens = form.GetValueOrDefault("HttpTokens");
        if (tokens is not null and not ("optional" or "required"))
        {
            return Error(400, "InvalidParameterValue", $"Value ({tokens}) for parameter HttpTokens is invalid.");
        }

        if (instance.State is "terminated" or "shutting-down")
        {
            return Error(400, "IncorrectInstanceState", $"The instance '{instanceId}' is not in a valid state for this operation.");
        }

        if (form.GetValueOrDefault("DryRun") == "true")
        {
            return Error(412, "DryRunOperation", "Request would have succeeded, but DryRun flag is set.");
        }

        lock (region.Gate)
        {
            if (tokens is not null)
            {
                instance.HttpTokens = tokens;
            }

            if (form.TryGetValue("HttpEndpoint", out var endpoint))
            {
                instance.HttpEndpoint = endpoint;
            }

            if (form.TryGetValue("HttpPutResponseHopLimit", out var hop))
            {
                instance.HopLimit = int.Parse(hop, CultureInfo.InvariantCulture);
            }

            instance.MetadataOptionsState = "pending";
        }

        var xml = Document(writer =>
        {
            writer.WriteStartElement("ModifyInstanceMetadataOptionsResponse", Namespace);
            writer.WriteElementString("requestId", Guid.NewGuid().ToString());
            writer.WriteElementString("instanceId", instance.InstanceId);
            WriteMetadataOptions(writer, "instanceMetadataOptions", instance, "pending");
            writer.WriteEndElement();
        });
        return Ok(xml);
    }

    private static DoubleResponse ModifyInstanceMetadataDefaults(SimRegion region, IReadOnlyDictionary<string, string> form)
    {
        var tokens = form.GetValueOrDefault("HttpTokens");
        if (tokens is not null and not ("optional" or "required" or "no-preference"))
        {
            return Error(400, "InvalidParameterValue", $"Value ({tokens}) for parameter HttpTokens is invalid.");
        }

        if (region.Defaults.ManagedBy == "declarative-policy")
        {
            return Error(400, "UnsupportedOperation", region.Defaults.ManagedExceptionMessage ?? "The instance metadata defaults are managed by a declarative policy.");
        }

        if (form.GetValueOrDefault("DryRun") == "true")
        {
            return Error(412, "DryRunOperation", "Request would have succeeded, but DryRun flag is set.");
        }

        lock (region.Gate)
        {
            if (tokens is not null)
            {
                region.Defaults.HttpTokens = tokens == "no-preference" ? null : tokens;
            }

            if (form.TryGetValue("HttpTokensEnforced", out var enforced))
            {
                region.Defaults.HttpTokensEnforced = enforced == "no-preference" ? null : enforced;
            }
        }

        var xml = Document(writer =>
        {
            writer.WriteStartElement("ModifyInstanceMetadataDefaultsResponse", Namespace);
            writer.WriteElementString("requestId", Guid.NewGuid().ToString());
            writer.WriteElementString("return", "true");
            writer.WriteEndElement();
        });
        return Ok(xml);
    }

    private DoubleResponse DescribeRegions()
    {
        var xml = Document(writer =>
        {
            writer.WriteStartElement("DescribeRegionsResponse", Namespace);
            writer.WriteElementString("requestId", Guid.NewGuid().ToString());
            writer.WriteStartElement("regionInfo");
            foreach (var name in _fleet.Regions.Keys.Order(StringComparer.Ordinal))
            {
                writer.WriteStartElement("item");
                writer.WriteElementString("regionName", name);
                writer.WriteElementString("regionEndpoint", $"ec2.{name}.amazonaws.com");
                writer.WriteElementString("optInStatus", "opt-in-not-required");
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        });
        return Ok(xml);
    }

    /// <summary>Filter.N.Name / Filter.N.Value.M into name → accepted values.</summary>
    private static Dictionary<string, HashSet<string>> ReadFilters(IReadOnlyDictionary<string, string> form)
    {
        var filters = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        for (var n = 1; form.TryGetValue($"Filter.{n}.Name", out var name); n++)
        {
            if (!filters.TryGetValue(name, out var values))
            {
                values = new HashSet<string>(StringComparer.Ordinal);
                filters[name] = values;
            }

            for (var m = 1; form.TryGetValue($"Filter.{n}.Value.{m}", out var value); m++)
            {
                values.Add(value);
            }
        }

        return filters;
    }

    private static HashSet<string> Members(IReadOnlyDictionary<string, string> form, string prefix)
    {
        var members = new HashSet<string>(StringComparer.Ordinal);
        for (var n = 1; form.TryGetValue($"{prefix}.{n}", out var value); n++)
        {
            members.Add(value);
        }

        return members;
    }

    private static bool Matches(SimInstance instance, Dictionary<string, HashSet<string>> filters)
    {
        foreach (var (name, values) in filters)
        {
            var actual = name switch
            {
                "instance-id" => instance.InstanceId,
                "instance-state-name" => instance.State,
                _ => instance.Tags.GetValueOrDefault(name["tag:".Length..]),
            };
            if (actual is null || !values.Contains(actual))
            {
                return false;
            }
        }

        return true;
    }

    private static int StateCode(string state) => state switch
    {
        "pending" => 0,
        "running" => 16,
        "shutting-down" => 32,
        "terminated" => 48,
        "stopping" => 64,
        _ => 80,
    };

    private static void WriteIfSet(XmlWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteElementString(name, value);
        }
    }

    internal static string EncodeToken(string kind, int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{kind}:{offset}"));

    internal static bool TryDecodeToken(string token, string kind, out int offset)
    {
        offset = 0;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            return text.StartsWith(kind + ":", StringComparison.Ordinal) &&
                   int.TryParse(text.AsSpan(kind.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out offset);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static DoubleResponse Ok(byte[] xml) => new(200, "text/xml;charset=UTF-8", xml, null);

    private static byte[] Document(Action<XmlWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }

        return stream.ToArray();
    }
}

public sealed record DoubleResponse(int Status, string ContentType, byte[] Body, string? ErrorCode, IReadOnlyDictionary<string, string>? Headers = null);
