namespace ImdsAnalyzers.Benchmarks.Corpus;

/// <summary>
/// EC2 provisioning code with the AWS SDK for .NET: launches, launch templates, metadata options and
/// AMI registration, all requiring IMDSv2, plus the everyday describe/tag/terminate calls around them.
/// </summary>
internal static class AwsSdkCode
{
    public static string Generate(string area, int index, Random random)
    {
        var name = area + "Fleet" + index;
        var instanceType = random.Pick(new[] { "T3Micro", "M5Large", "C6gXlarge", "R6iLarge", "T4gSmall" });
        return $$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Text;
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.EC2;
            using Amazon.EC2.Model;

            namespace Corpus.{{area}}.Infrastructure;

            public sealed class {{name}}
            {
                private const string Ami = "ami-0{{random.Next(100000000, 999999999)}}abc";
                private readonly IAmazonEC2 _ec2;

                public {{name}}(IAmazonEC2 ec2) => _ec2 = ec2;

                public async Task<IReadOnlyList<string>> LaunchAsync(int count, string subnetId, CancellationToken cancellationToken)
                {
                    var request = new RunInstancesRequest
                    {
                        ImageId = Ami,
                        InstanceType = InstanceType.{{instanceType}},
                        MinCount = 1,
                        MaxCount = count,
                        SubnetId = subnetId,
                        SecurityGroupIds = new List<string> { "sg-{{random.Next(10000, 99999)}}" },
                        UserData = Convert.ToBase64String(Encoding.UTF8.GetBytes(BootScript)),
                        MetadataOptions = new InstanceMetadataOptionsRequest
                        {
                            HttpTokens = HttpTokensState.Required,
                            HttpPutResponseHopLimit = {{1 + random.Next(2)}},
                            HttpEndpoint = InstanceMetadataEndpointState.Enabled,
                        },
                        TagSpecifications = new List<TagSpecification>
                        {
                            new TagSpecification
                            {
                                ResourceType = ResourceType.Instance,
                                Tags = new List<Tag> { new Tag("Name", "{{area.ToLowerInvariant()}}-{{index}}"), new Tag("team", "{{random.Pick(Names.Words)}}") },
                            },
                        },
                    };
                    var response = await _ec2.RunInstancesAsync(request, cancellationToken).ConfigureAwait(false);
                    return response.Reservation.Instances.Select(i => i.InstanceId).ToList();
                }

                private const string BootScript = "#!/bin/bash\n"
                    + "TOKEN=$(curl -s -X PUT http://169.254.169.254/latest/api/token -H \"X-aws-ec2-metadata-token-ttl-seconds: 21600\")\n"
                    + "REGION=$(curl -s -H \"X-aws-ec2-metadata-token: $TOKEN\" http://169.254.169.254/latest/meta-data/placement/region)\n"
                    + "echo \"starting in $REGION\" >> /var/log/boot.log\n";

                public async Task<string> CreateTemplateAsync(string templateName)
                {
                    var request = new CreateLaunchTemplateRequest
                    {
                        LaunchTemplateName = templateName,
                        VersionDescription = "generated for {{area}}",
                        LaunchTemplateData = new RequestLaunchTemplateData
                        {
                            ImageId = Ami,
                            InstanceType = InstanceType.{{instanceType}},
                            MetadataOptions = new LaunchTemplateInstanceMetadataOptionsRequest
                            {
                                HttpTokens = LaunchTemplateHttpTokensState.Required,
                                HttpPutResponseHopLimit = 2,
                            },
                        },
                    };
                    var response = await _ec2.CreateLaunchTemplateAsync(request).ConfigureAwait(false);
                    return response.LaunchTemplate.LaunchTemplateId;
                }

                public Task RequireTokensAsync(string instanceId)
                {
                    var request = new ModifyInstanceMetadataOptionsRequest { InstanceId = instanceId };
                    request.HttpTokens = HttpTokensState.Required;
                    request.HttpEndpoint = InstanceMetadataEndpointState.Enabled;
                    return _ec2.ModifyInstanceMetadataOptionsAsync(request);
                }

                public async Task<string> RegisterAsync(string snapshotId)
                {
                    var response = await _ec2.RegisterImageAsync(new RegisterImageRequest
                    {
                        Name = "{{area.ToLowerInvariant()}}-image-" + DateTime.UtcNow.ToString("yyyyMMddHHmm"),
                        RootDeviceName = "/dev/xvda",
                        Architecture = ArchitectureValues.X86_64,
                        ImdsSupport = ImdsSupportValues.V20,
                        BlockDeviceMappings = new List<BlockDeviceMapping>
                        {
                            new BlockDeviceMapping { DeviceName = "/dev/xvda", Ebs = new EbsBlockDevice { SnapshotId = snapshotId, VolumeSize = {{8 * (1 + random.Next(8))}} } },
                        },
                    }).ConfigureAwait(false);
                    return response.ImageId;
                }

                public async Task<IReadOnlyList<string>> RunningAsync(string team)
                {
                    var request = new DescribeInstancesRequest
                    {
                        Filters = new List<Filter>
                        {
                            new Filter { Name = "instance-state-name", Values = new List<string> { "running" } },
                            new Filter { Name = "tag:team", Values = new List<string> { team } },
                        },
                    };
                    var response = await _ec2.DescribeInstancesAsync(request).ConfigureAwait(false);
                    return response.Reservations
                        .SelectMany(r => r.Instances)
                        .Where(i => i.MetadataOptions?.HttpTokens == HttpTokensState.Required)
                        .Select(i => $"{i.InstanceId} ({i.InstanceType})")
                        .ToList();
                }

                public Task TagAsync(string instanceId, string key, string value) =>
                    _ec2.CreateTagsAsync(new CreateTagsRequest { Resources = new List<string> { instanceId }, Tags = new List<Tag> { new Tag(key, value) } });

                public Task TerminateAsync(params string[] instanceIds) =>
                    _ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = instanceIds.ToList() });
            }
            """;
    }
}
