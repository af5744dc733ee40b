using System;
using System.Collections.Generic;
using System.Text;
using System.Threading.Tasks;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace FuzzCorpus.Ec2Launches;

// Seed for the robustness test: EC2 launches, templates and images with and without IMDSv2 required.
public sealed class Launcher
{
    private const string UserData = "#!/bin/bash\ncurl -s http://169.254.169.254/latest/meta-data/instance-id > /tmp/id\nwget -q -O - http://169.254.169.254/latest/meta-data/ami-id\n";
    private readonly IAmazonEC2 _ec2;

    public Launcher(IAmazonEC2 ec2) => _ec2 = ec2;

    public Task<RunInstancesResponse> PlainAsync() =>
        _ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = "ami-0123456789", InstanceType = InstanceType.T3Micro, MinCount = 1, MaxCount = 1 });

    public Task<RunInstancesResponse> EmptyOptionsAsync()
    {
        var request = new RunInstancesRequest
        {
            ImageId = "ami-0123456789",
            MinCount = 1,
            MaxCount = 2,
            UserData = Convert.ToBase64String(Encoding.UTF8.GetBytes(UserData)),
            MetadataOptions = new InstanceMetadataOptionsRequest { HttpPutResponseHopLimit = 2 },
        };
        return _ec2.RunInstancesAsync(request);
    }

    public Task<RunInstancesResponse> RequiredLaterAsync()
    {
        var request = new RunInstancesRequest { ImageId = "ami-0123456789", MinCount = 1, MaxCount = 1 };
        request.MetadataOptions = new InstanceMetadataOptionsRequest();
        request.MetadataOptions.HttpTokens = HttpTokensState.Required;
        return _ec2.RunInstancesAsync(request);
    }

    public Task<RunInstancesResponse> OptionalAsync() =>
        _ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = "ami-0123456789",
            MinCount = 1,
            MaxCount = 1,
            MetadataOptions = new InstanceMetadataOptionsRequest { HttpTokens = HttpTokensState.Optional, HttpEndpoint = InstanceMetadataEndpointState.Enabled },
        });

    public Task<RunInstancesResponse> FromTemplateAsync(string templateId) =>
        _ec2.RunInstancesAsync(new RunInstancesRequest { LaunchTemplate = new LaunchTemplateSpecification { LaunchTemplateId = templateId }, MinCount = 1, MaxCount = 1 });

    public Task<CreateLaunchTemplateResponse> TemplateAsync() =>
        _ec2.CreateLaunchTemplateAsync(new CreateLaunchTemplateRequest
        {
            LaunchTemplateName = "web",
            LaunchTemplateData = new RequestLaunchTemplateData { ImageId = "ami-0123456789", InstanceType = InstanceType.M5Large },
        });

    public Task<CreateLaunchTemplateVersionResponse> TemplateVersionAsync() =>
        _ec2.CreateLaunchTemplateVersionAsync(new CreateLaunchTemplateVersionRequest
        {
            LaunchTemplateName = "web",
            LaunchTemplateData = new RequestLaunchTemplateData
            {
                ImageId = "ami-0123456789",
                MetadataOptions = new LaunchTemplateInstanceMetadataOptionsRequest { HttpTokens = LaunchTemplateHttpTokensState.Optional },
            },
        });

    public Task WeakenAsync(string instanceId) =>
        _ec2.ModifyInstanceMetadataOptionsAsync(new ModifyInstanceMetadataOptionsRequest { InstanceId = instanceId, HttpTokens = "optional" });

    public Task DefaultsAsync() =>
        _ec2.ModifyInstanceMetadataDefaultsAsync(new ModifyInstanceMetadataDefaultsRequest { HttpTokens = MetadataDefaultHttpTokensState.NoPreference });

    public Task<RegisterImageResponse> ImageAsync(string location) =>
        _ec2.RegisterImageAsync(new RegisterImageRequest { Name = "legacy-image", ImageLocation = location });

    public Task<RegisterImageResponse> ImageV2Async(string location) =>
        _ec2.RegisterImageAsync(new RegisterImageRequest { Name = "image", ImageLocation = location, ImdsSupport = ImdsSupportValues.V20 });

    public Task<DescribeInstancesResponse> DescribeAsync() =>
        _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = new List<Filter> { new Filter { Name = "instance-state-name", Values = new List<string> { "running" } } } });
}
