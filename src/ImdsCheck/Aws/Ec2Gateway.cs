using Amazon.EC2;
using Amazon.EC2.Model;
using ImdsCheck.Scanning;

namespace ImdsCheck.Aws;

/// <summary>The EC2 calls imds-check makes in one region, with failures mapped to one-line messages.</summary>
internal sealed class Ec2Gateway : IDisposable
{
    public const int DescribeInstancesPageSize = 1000;
    private const string DryRunSucceeded = "DryRunOperation";

    private readonly IAmazonEC2 _client;
    private readonly SecretRedactor _redactor;

    public Ec2Gateway(IAmazonEC2 client, string region, SecretRedactor redactor)
    {
        _client = client;
        Region = region;
        _redactor = redactor;
    }

    public string Region { get; }

    public async Task<List<InstanceFacts>> DescribeInstancesAsync(InstanceSelector selector, Action<int>? pageRead, CancellationToken cancellationToken)
    {
        var filters = selector.ToEc2Filters();
        var request = new DescribeInstancesRequest
        {
            MaxResults = DescribeInstancesPageSize,
            Filters = filters.Count > 0 ? filters : null,
        };
        var instances = new List<InstanceFacts>();
        var seenTokens = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var response = await AwsCall.Ec2("DescribeInstances", Region, _redactor,
                () => _client.DescribeInstancesAsync(request, cancellationToken)).ConfigureAwait(false);
            foreach (var reservation in response.Reservations ?? [])
            {
                foreach (var instance in reservation.Instances ?? [])
                {
                    instances.Add(ToFacts(instance));
                }
            }

            pageRead?.Invoke(instances.Count);
            if (string.IsNullOrEmpty(response.NextToken))
            {
                return instances;
            }

            if (!seenTokens.Add(response.NextToken))
            {
                throw new ImdsCheckFailure($"{Region}: ec2:DescribeInstances returned the same NextToken twice; stopping instead of looping.");
            }

            request.NextToken = response.NextToken;
        }
    }

    public async Task<RegionDefaults> GetDefaultsAsync(CancellationToken cancellationToken)
    {
        var response = await AwsCall.Ec2("GetInstanceMetadataDefaults", Region, _redactor,
            () => _client.GetInstanceMetadataDefaultsAsync(new GetInstanceMetadataDefaultsRequest(), cancellationToken)).ConfigureAwait(false);
        var level = response.AccountLevel;
        return new RegionDefaults(
            HttpTokens: Value(level?.HttpTokens?.Value),
            HttpTokensEnforced: Value(level?.HttpTokensEnforced?.Value),
            HttpEndpoint: Value(level?.HttpEndpoint?.Value),
            HopLimit: level?.HttpPutResponseHopLimit is > 0 ? level.HttpPutResponseHopLimit : null,
            InstanceMetadataTags: Value(level?.InstanceMetadataTags?.Value),
            ManagedBy: level?.ManagedBy?.Value,
            ManagedExceptionMessage: level?.ManagedExceptionMessage);

        static string Value(string? value) => string.IsNullOrEmpty(value) ? RegionDefaults.NoPreference : value;
    }

    /// <summary>Sets HttpTokens on one instance. With <paramref name="dryRun"/>, EC2 only checks permissions.</summary>
    /// <returns>The metadata options state EC2 reports (pending/applied), or "dry-run-ok".</returns>
    public async Task<string> SetHttpTokensAsync(string instanceId, string httpTokens, bool dryRun, CancellationToken cancellationToken)
    {
        var request = new ModifyInstanceMetadataOptionsRequest
        {
            InstanceId = instanceId,
            HttpTokens = httpTokens,
            DryRun = dryRun ? true : null,
        };
        try
        {
            var response = await _client.ModifyInstanceMetadataOptionsAsync(request, cancellationToken).ConfigureAwait(false);
            return response.InstanceMetadataOptions?.State?.Value ?? "pending";
        }
        catch (AmazonEC2Exception ex) when (dryRun && ex.ErrorCode == DryRunSucceeded)
        {
            return "dry-run-ok";
        }
        catch (Exception ex) when (ex is AmazonEC2Exception or Amazon.Runtime.AmazonClientException or HttpRequestException)
        {
            await AwsCall.Ec2<bool>("ModifyInstanceMetadataOptions", Region, _redactor, () => throw ex).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Sets the region default HttpTokens=required for new launches.</summary>
    public async Task<string> RequireTokensByDefaultAsync(bool dryRun, CancellationToken cancellationToken)
    {
        var request = new ModifyInstanceMetadataDefaultsRequest
        {
            HttpTokens = MetadataDefaultHttpTokensState.Required,
            DryRun = dryRun ? true : null,
        };
        try
        {
            var response = await _client.ModifyInstanceMetadataDefaultsAsync(request, cancellationToken).ConfigureAwait(false);
            return response.Return == false ? "not-applied" : "applied";
        }
        catch (AmazonEC2Exception ex) when (dryRun && ex.ErrorCode == DryRunSucceeded)
        {
            return "dry-run-ok";
        }
        catch (Exception ex) when (ex is AmazonEC2Exception or Amazon.Runtime.AmazonClientException or HttpRequestException)
        {
            await AwsCall.Ec2<bool>("ModifyInstanceMetadataDefaults", Region, _redactor, () => throw ex).ConfigureAwait(false);
            throw;
        }
    }

    public async Task<List<string>> DescribeRegionsAsync(CancellationToken cancellationToken)
    {
        var response = await AwsCall.Ec2("DescribeRegions", Region, _redactor,
            () => _client.DescribeRegionsAsync(new DescribeRegionsRequest(), cancellationToken)).ConfigureAwait(false);
        return (response.Regions ?? []).Select(r => r.RegionName).Where(n => !string.IsNullOrEmpty(n)).Order(StringComparer.Ordinal).ToList();
    }

    private static InstanceFacts ToFacts(Instance instance)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in instance.Tags ?? [])
        {
            if (tag.Key is not null)
            {
                tags[tag.Key] = tag.Value ?? "";
            }
        }

        var options = instance.MetadataOptions;
        return new InstanceFacts(
            instance.InstanceId,
            instance.State?.Name?.Value ?? "unknown",
            options?.HttpTokens?.Value,
            options?.HttpEndpoint?.Value,
            options?.HttpPutResponseHopLimit,
            instance.LaunchTime?.ToUniversalTime(),
            tags);
    }

    public void Dispose() => _client.Dispose();
}
