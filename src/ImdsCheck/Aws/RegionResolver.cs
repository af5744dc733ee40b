using System.Text.RegularExpressions;

namespace ImdsCheck.Aws;

/// <summary>--region (repeatable or comma-separated), --all-regions, AWS_REGION, AWS_DEFAULT_REGION, then the profile's region.</summary>
internal static partial class RegionResolver
{
    public static IReadOnlyList<string> Explicit(IEnumerable<string> values)
    {
        var regions = new List<string>();
        foreach (var value in values)
        {
            foreach (var region in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!RegionName().IsMatch(region))
                {
                    throw new ImdsCheckFailure($"--region: '{region}' is not an AWS region name (for example us-east-1).");
                }

                if (!regions.Contains(region))
                {
                    regions.Add(region);
                }
            }
        }

        return regions;
    }

    public static async Task<IReadOnlyList<string>> ResolveAsync(AwsOptions options, AwsSession session, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        if (options.Regions.Count > 0 && options.AllRegions)
        {
            throw new ImdsCheckFailure("use either --region or --all-regions, not both.");
        }

        if (options.Regions.Count > 0)
        {
            return options.Regions;
        }

        var configured = FirstNonEmpty(environment("AWS_REGION"), environment("AWS_DEFAULT_REGION"), session.ProfileRegion);
        if (options.AllRegions)
        {
            var home = configured ?? "us-east-1";
            using var ec2 = new Ec2Gateway(session.CreateEc2(home), home, session.Redactor);
            var regions = await ec2.DescribeRegionsAsync(cancellationToken).ConfigureAwait(false);
            if (regions.Count == 0)
            {
                throw new ImdsCheckFailure($"{home}: ec2:DescribeRegions returned no regions.");
            }

            return regions;
        }

        if (configured is null)
        {
            throw new ImdsCheckFailure("no region: pass --region REGION (repeatable) or --all-regions, or set AWS_REGION.");
        }

        return Explicit([configured]);
    }

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    /// <summary>True for an AWS region's name, such as us-east-1.</summary>
    public static bool IsRegionName(string? value) => value is not null && RegionName().IsMatch(value);

    [GeneratedRegex("^[a-z]{2}(-[a-z0-9]+)+-[0-9]+$")]
    private static partial Regex RegionName();
}
