using Amazon.EC2;
using Amazon.EC2.Model;

namespace InstanceLauncher;

/// <summary>The EC2 requests a launcher sends. Each one below that leaves IMDSv1 on is flagged at build time.</summary>
public sealed class LaunchRequests(string imageId)
{
    /// <summary>IMDS101: no HttpTokens, so the instance accepts token-less calls (counted as MetadataNoToken).</summary>
    public RunInstancesRequest WebServer() => new RunInstancesRequest
    {
        ImageId = imageId,
        InstanceType = InstanceType.T3Micro,
        MinCount = 1,
        MaxCount = 2,
    };

    /// <summary>IMDS101: MetadataOptions is set, but only the hop limit for containers.</summary>
    public RunInstancesRequest ContainerHost()
    {
        var request = new RunInstancesRequest(imageId, 1, 1);
        request.MetadataOptions = new InstanceMetadataOptionsRequest { HttpPutResponseHopLimit = 2 };
        return request;
    }

    /// <summary>Not flagged: tokens are required.</summary>
    public RunInstancesRequest Worker() => new RunInstancesRequest
    {
        ImageId = imageId,
        MinCount = 1,
        MaxCount = 1,
        MetadataOptions = new InstanceMetadataOptionsRequest { HttpTokens = HttpTokensState.Required, HttpPutResponseHopLimit = 2 },
    };

    /// <summary>IMDS101: the template's instances accept IMDSv1.</summary>
    public CreateLaunchTemplateRequest WebTemplate() => new CreateLaunchTemplateRequest
    {
        LaunchTemplateName = "web",
        LaunchTemplateData = new RequestLaunchTemplateData { ImageId = imageId, InstanceType = InstanceType.T3Small },
    };

    /// <summary>IMDS102: turns IMDSv1 back on for a running instance.</summary>
    public ModifyInstanceMetadataOptionsRequest LoosenForLegacyAgent(string instanceId) => new ModifyInstanceMetadataOptionsRequest
    {
        InstanceId = instanceId,
        HttpTokens = "optional",
    };

    /// <summary>IMDS102 twice: the region default leaves the choice to each launch, and enforcement is off.</summary>
    public ModifyInstanceMetadataDefaultsRequest RegionDefaults() => new ModifyInstanceMetadataDefaultsRequest
    {
        HttpTokens = MetadataDefaultHttpTokensState.NoPreference,
        HttpTokensEnforced = DefaultHttpTokensEnforcedState.Disabled,
    };

    /// <summary>IMDS104: instances launched from this AMI accept IMDSv1 unless each launch says otherwise.</summary>
    public RegisterImageRequest GoldenImage(string snapshotId) => new RegisterImageRequest
    {
        Name = "golden-2025-06",
        RootDeviceName = "/dev/xvda",
        BlockDeviceMappings = [new BlockDeviceMapping { DeviceName = "/dev/xvda", Ebs = new EbsBlockDevice { SnapshotId = snapshotId } }],
    };
}
