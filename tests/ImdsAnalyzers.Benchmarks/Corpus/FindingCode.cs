namespace ImdsAnalyzers.Benchmarks.Corpus;

/// <summary>The non-compliant code a real code base still holds: one finding per file, one file per rule in turn.</summary>
internal static class FindingCode
{
    private delegate string Template(string area, string name, Random random);

    private static readonly (string Id, string Kind, Template Body)[] Templates =
    [
        ("IMDS001", "http", HttpClientV1),
        ("IMDS101", "aws", LaunchWithoutTokens),
        ("IMDS001", "http", WebClientV1),
        ("IMDS201", "cdk", CdkInstanceWithoutImdsV2),
        ("IMDS002", "http", TokenRequestWithGet),
        ("IMDS102", "aws", WeakenedTokens),
        ("IMDS003", "aws", UserDataScript),
        ("IMDS104", "aws", ImageWithoutV2),
    ];

    public static (string Text, string Kind, string Id) Generate(int ordinal, string area, int index, Random random)
    {
        var (id, kind, body) = Templates[ordinal % Templates.Length];
        return (body(area, area + "Legacy" + index, random), kind, id);
    }

    private static string HttpClientV1(string area, string name, Random random) => $$"""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        namespace Corpus.{{area}}.Legacy;

        public static class {{name}}
        {
            private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

            public static async Task<string> CurrentAsync()
            {
                var value = await Http.GetStringAsync("http://169.254.169.254/latest/meta-data/{{random.Pick(Names.MetadataPaths)}}");
                return value.Trim();
            }
        }
        """;

    private static string WebClientV1(string area, string name, Random random) => $$"""
        using System.Net;

        #pragma warning disable SYSLIB0014
        namespace Corpus.{{area}}.Legacy;

        public static class {{name}}
        {
            private const string MetadataBase = "http://169.254.169.254/latest/meta-data/";

            public static string Read(string path)
            {
                using var client = new WebClient();
                return client.DownloadString(MetadataBase + path);
            }
        }
        """;

    private static string TokenRequestWithGet(string area, string name, Random random) => $$"""
        using System.Net.Http;
        using System.Threading.Tasks;

        namespace Corpus.{{area}}.Legacy;

        public static class {{name}}
        {
            public static async Task<string> TokenAsync(HttpClient http)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "http://169.254.169.254/latest/api/token");
                request.Headers.Add("X-aws-ec2-metadata-token-ttl-seconds", "21600");
                using var response = await http.SendAsync(request);
                return await response.Content.ReadAsStringAsync();
            }
        }
        """;

    private static string LaunchWithoutTokens(string area, string name, Random random) => $$"""
        using System.Threading.Tasks;
        using Amazon.EC2;
        using Amazon.EC2.Model;

        namespace Corpus.{{area}}.Legacy;

        public static class {{name}}
        {
            public static Task<RunInstancesResponse> LaunchAsync(IAmazonEC2 ec2) =>
                ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = "ami-0{{random.Next(1000000, 9999999)}}", InstanceType = InstanceType.T3Micro, MinCount = 1, MaxCount = 1 });
        }
        """;

    private static string WeakenedTokens(string area, string name, Random random) => $$"""
        using System.Threading.Tasks;
        using Amazon.EC2;
        using Amazon.EC2.Model;

        namespace Corpus.{{area}}.Legacy;

        public static class {{name}}
        {
            public static Task AllowV1Async(IAmazonEC2 ec2, string instanceId) =>
                ec2.ModifyInstanceMetadataOptionsAsync(new ModifyInstanceMetadataOptionsRequest { InstanceId = instanceId, HttpTokens = HttpTokensState.Optional });
        }
        """;

    private static string UserDataScript(string area, string name, Random random) => $$"""
        using System;
        using System.Text;
        using System.Threading.Tasks;
        using Amazon.EC2;
        using Amazon.EC2.Model;

        namespace Corpus.{{area}}.Legacy;

        public static class {{name}}
        {
            private const string Script = "#!/bin/bash\nID=$(curl -s http://169.254.169.254/latest/meta-data/{{random.Pick(Names.MetadataPaths)}})\necho $ID > /tmp/id\n";

            public static Task<RunInstancesResponse> LaunchAsync(IAmazonEC2 ec2) =>
                ec2.RunInstancesAsync(new RunInstancesRequest
                {
                    ImageId = "ami-0{{random.Next(1000000, 9999999)}}",
                    MinCount = 1,
                    MaxCount = 1,
                    UserData = Convert.ToBase64String(Encoding.UTF8.GetBytes(Script)),
                    MetadataOptions = new InstanceMetadataOptionsRequest { HttpTokens = HttpTokensState.Required },
                });
        }
        """;

    private static string ImageWithoutV2(string area, string name, Random random) => $$"""
        using System.Threading.Tasks;
        using Amazon.EC2;
        using Amazon.EC2.Model;

        namespace Corpus.{{area}}.Legacy;

        public static class {{name}}
        {
            public static Task<RegisterImageResponse> RegisterAsync(IAmazonEC2 ec2, string location) =>
                ec2.RegisterImageAsync(new RegisterImageRequest { Name = "{{area.ToLowerInvariant()}}-legacy", ImageLocation = location });
        }
        """;

    private static string CdkInstanceWithoutImdsV2(string area, string name, Random random) => $$"""
        using Amazon.CDK;
        using Amazon.CDK.AWS.EC2;
        using Constructs;

        namespace Corpus.{{area}}.Legacy;

        public sealed class {{name}} : Stack
        {
            public {{name}}(Construct scope, string id)
                : base(scope, id)
            {
                var vpc = Vpc.FromLookup(this, "Vpc", new VpcLookupOptions { IsDefault = true });
                _ = new Instance_(this, "Bastion", new InstanceProps
                {
                    Vpc = vpc,
                    InstanceType = InstanceType.Of(InstanceClass.BURSTABLE3, InstanceSize.NANO),
                    MachineImage = MachineImage.LatestAmazonLinux2023(),
                });
            }
        }
        """;
}
