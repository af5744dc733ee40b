using Amazon;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using ImdsCheck.CloudWatch;

namespace ImdsCheck.Aws;

/// <summary>Credentials, endpoints and client factories for one run of the tool.</summary>
internal sealed class AwsSession : IDisposable
{
    private static readonly HttpClient SharedHttp = new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        MaxConnectionsPerServer = 64,
    })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };

    private readonly DefaultAWSCredentialsIdentityResolver? _resolver;

    private AwsSession(AWSCredentials credentials, EndpointSettings endpoints, string? profileRegion, SecretRedactor redactor, DefaultAWSCredentialsIdentityResolver? resolver)
    {
        Credentials = credentials;
        Endpoints = endpoints;
        ProfileRegion = profileRegion;
        Redactor = redactor;
        _resolver = resolver;
    }

    public AWSCredentials Credentials { get; }

    public EndpointSettings Endpoints { get; }

    public string? ProfileRegion { get; }

    public SecretRedactor Redactor { get; }

    public static async Task<AwsSession> CreateAsync(AwsOptions options, Func<string, string?> environment, SecretRedactor redactor, CancellationToken cancellationToken)
    {
        var endpoints = EndpointSettings.Resolve(options.EndpointUrl, environment);
        var profileName = !string.IsNullOrWhiteSpace(options.Profile) ? options.Profile : environment("AWS_PROFILE");
        string? profileRegion = null;
        AWSCredentials credentials;
        DefaultAWSCredentialsIdentityResolver? resolver = null;

        var chain = new CredentialProfileStoreChain();
        if (!string.IsNullOrWhiteSpace(profileName) && chain.TryGetProfile(profileName, out var profile))
        {
            profileRegion = profile.Region?.SystemName;
        }

        if (!string.IsNullOrWhiteSpace(options.Profile))
        {
            if (!chain.TryGetAWSCredentials(options.Profile, out credentials))
            {
                throw new ImdsCheckFailure($"AWS profile '{options.Profile}' was not found in the shared credentials or config file (needed to call ec2:DescribeInstances).");
            }
        }
        else
        {
            // A fresh resolver per run: the static one caches what it found for the process lifetime.
            resolver = new DefaultAWSCredentialsIdentityResolver();
            try
            {
                credentials = await resolver.ResolveIdentityAsync(null, cancellationToken).ConfigureAwait(false);
            }
            catch (AmazonClientException)
            {
                resolver.Dispose();
                throw NoCredentials();
            }
        }

        ImmutableCredentials immutable;
        try
        {
            immutable = await credentials.GetCredentialsAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AmazonClientException or InvalidOperationException or HttpRequestException)
        {
            resolver?.Dispose();
            throw NoCredentials();
        }

        if (immutable is null || string.IsNullOrEmpty(immutable.AccessKey) || string.IsNullOrEmpty(immutable.SecretKey))
        {
            resolver?.Dispose();
            throw NoCredentials();
        }

        redactor.Add(immutable.SecretKey);
        redactor.Add(immutable.Token);
        return new AwsSession(credentials, endpoints, profileRegion, redactor, resolver);
    }

    private static ImdsCheckFailure NoCredentials() =>
        new("no AWS credentials found (environment, shared profile, container or instance role); they are needed to call ec2:DescribeInstances. " +
            "Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or pass --profile NAME.");

    public IAmazonEC2 CreateEc2(string region)
    {
        var config = new AmazonEC2Config
        {
            RetryMode = RequestRetryMode.Standard,
            MaxErrorRetry = 5,
            Timeout = TimeSpan.FromSeconds(60),
        };
        if (Endpoints.Ec2 is not null)
        {
            config.ServiceURL = Endpoints.Ec2.ToString();
            config.AuthenticationRegion = region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        return new AmazonEC2Client(Credentials, config);
    }

    public ICloudWatchClient CreateCloudWatch(string region) =>
        new CloudWatchJsonClient(SharedHttp, Credentials, region, Endpoints.CloudWatch ?? CloudWatchJsonClient.DefaultEndpoint(region), BackoffRetryPolicy.Default);

    public void Dispose() => _resolver?.Dispose();
}
