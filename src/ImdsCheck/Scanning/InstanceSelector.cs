using Amazon.EC2.Model;
using ImdsCheck.Aws;

namespace ImdsCheck.Scanning;

/// <summary>--instance-ids and --tag key=value: sent to EC2 as filters and checked again on the answer.</summary>
public sealed class InstanceSelector
{
    public InstanceSelector(IReadOnlyCollection<string> instanceIds, IReadOnlyList<KeyValuePair<string, string>> tags)
    {
        InstanceIds = new HashSet<string>(instanceIds, StringComparer.Ordinal);
        Tags = tags;
    }

    public IReadOnlySet<string> InstanceIds { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Tags { get; }

    public bool IsEmpty => InstanceIds.Count == 0 && Tags.Count == 0;

    public static InstanceSelector Parse(IEnumerable<string>? instanceIds, IEnumerable<string>? tags)
    {
        var ids = new List<string>();
        foreach (var raw in instanceIds ?? [])
        {
            foreach (var id in raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!IsInstanceId(id))
                {
                    throw new ImdsCheckFailure($"--instance-ids: '{id}' is not an EC2 instance ID (expected i- followed by 8 or 17 hex digits).");
                }

                ids.Add(id);
            }
        }

        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var tag in tags ?? [])
        {
            var separator = tag.IndexOf('=');
            if (separator <= 0)
            {
                throw new ImdsCheckFailure($"--tag: '{tag}' is not of the form key=value.");
            }

            pairs.Add(new(tag[..separator], tag[(separator + 1)..]));
        }

        return new InstanceSelector(ids, pairs);
    }

    public static bool IsInstanceId(string value) =>
        value.StartsWith("i-", StringComparison.Ordinal) &&
        value.Length is 10 or 19 &&
        !value.AsSpan(2).ContainsAnyExcept("0123456789abcdef");

    public List<Filter> ToEc2Filters()
    {
        var filters = new List<Filter>();
        if (InstanceIds.Count > 0)
        {
            filters.Add(new Filter { Name = "instance-id", Values = [.. InstanceIds] });
        }

        foreach (var tag in Tags)
        {
            filters.Add(new Filter { Name = "tag:" + tag.Key, Values = [tag.Value] });
        }

        return filters;
    }

    public bool Matches(InstanceFacts instance)
    {
        if (InstanceIds.Count > 0 && !InstanceIds.Contains(instance.InstanceId))
        {
            return false;
        }

        foreach (var tag in Tags)
        {
            if (!instance.Tags.TryGetValue(tag.Key, out var value) || value != tag.Value)
            {
                return false;
            }
        }

        return true;
    }
}
