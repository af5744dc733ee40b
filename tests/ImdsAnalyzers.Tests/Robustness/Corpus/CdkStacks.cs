using Amazon.CDK;
using Amazon.CDK.AWS.AutoScaling;
using Amazon.CDK.AWS.EC2;
using Constructs;

namespace FuzzCorpus.CdkStacks;

// Seed for the robustness test: CDK constructs that launch instances, with and without RequireImdsv2.
public sealed class FleetStack : Stack
{
    public FleetStack(Construct scope, string id, IStackProps? props = null)
        : base(scope, id, props)
    {
        var vpc = new Vpc(this, "Vpc", new VpcProps { MaxAzs = 2 });
        var userData = UserData.ForLinux();
        userData.AddCommands(
            "yum install -y jq",
            "REGION=$(curl -s http://169.254.169.254/latest/meta-data/placement/region)",
            "echo $REGION > /etc/region");

        _ = new Instance_(this, "Web", new InstanceProps
        {
            Vpc = vpc,
            InstanceType = InstanceType.Of(InstanceClass.BURSTABLE3, InstanceSize.MICRO),
            MachineImage = MachineImage.LatestAmazonLinux2023(),
            UserData = userData,
        });

        var props = new InstanceProps
        {
            Vpc = vpc,
            InstanceType = InstanceType.Of(InstanceClass.BURSTABLE3, InstanceSize.SMALL),
            MachineImage = MachineImage.LatestAmazonLinux2023(),
            RequireImdsv2 = false,
        };
        _ = new Instance_(this, "Worker", props);

        _ = new LaunchTemplate(this, "Template", new LaunchTemplateProps
        {
            MachineImage = MachineImage.LatestAmazonLinux2023(),
            HttpTokens = LaunchTemplateHttpTokens.OPTIONAL,
        });

        _ = new AutoScalingGroup(this, "Group", new AutoScalingGroupProps
        {
            Vpc = vpc,
            InstanceType = InstanceType.Of(InstanceClass.MEMORY6_INTEL, InstanceSize.LARGE),
            MachineImage = MachineImage.LatestAmazonLinux2023(),
            MinCapacity = 1,
            MaxCapacity = 3,
        });

        _ = new BastionHostLinux(this, "Bastion", new BastionHostLinuxProps { Vpc = vpc });

        _ = new Instance_(this, "Compliant", new InstanceProps
        {
            Vpc = vpc,
            InstanceType = InstanceType.Of(InstanceClass.BURSTABLE3, InstanceSize.NANO),
            MachineImage = MachineImage.LatestAmazonLinux2023(),
            RequireImdsv2 = true,
        });
    }
}
