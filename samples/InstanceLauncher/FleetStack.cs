using Amazon.CDK;
using Amazon.CDK.AWS.AutoScaling;
using Amazon.CDK.AWS.EC2;
using Constructs;

namespace InstanceLauncher;

/// <summary>
/// A CDK stack whose constructs launch instances. Defining it needs no AWS access; synthesising it
/// needs the CDK toolchain (Node.js), which is why the program never creates it.
/// </summary>
public sealed class FleetStack : Stack
{
    public FleetStack(Construct scope, string id, IVpc vpc)
        : base(scope, id)
    {
        var image = MachineImage.LatestAmazonLinux2023();

        // IMDS201: RequireImdsv2 is missing.
        new Instance_(this, "Web", new InstanceProps
        {
            Vpc = vpc,
            MachineImage = image,
            InstanceType = new Amazon.CDK.AWS.EC2.InstanceType("t3.micro"),
        });

        // IMDS201 on the props, IMDS102 on HttpTokens.
        var template = new LaunchTemplate(this, "WorkerTemplate", new LaunchTemplateProps
        {
            MachineImage = image,
            HttpTokens = LaunchTemplateHttpTokens.OPTIONAL,
        });

        // IMDS201: explicitly false.
        var fleet = new AutoScalingGroupProps { Vpc = vpc, MachineImage = image, InstanceType = new Amazon.CDK.AWS.EC2.InstanceType("t3.small") };
        fleet.RequireImdsv2 = false;
        new AutoScalingGroup(this, "Fleet", fleet);

        // Not flagged: the group takes its settings from the template, and the bastion requires tokens.
        new AutoScalingGroup(this, "Workers", new AutoScalingGroupProps { Vpc = vpc, LaunchTemplate = template });
        new BastionHostLinux(this, "Bastion", new BastionHostLinuxProps { Vpc = vpc, RequireImdsv2 = true });
    }
}
