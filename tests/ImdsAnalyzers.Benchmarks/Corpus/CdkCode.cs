namespace ImdsAnalyzers.Benchmarks.Corpus;

/// <summary>AWS CDK stacks that launch instances the compliant way (RequireImdsv2 = true), with the usual VPC, S3 and security group around them.</summary>
internal static class CdkCode
{
    public static string Generate(string area, int index, Random random)
    {
        var name = area + "Stack" + index;
        var size = random.Pick(new[] { "MICRO", "SMALL", "MEDIUM", "LARGE" });
        return $$"""
            using System.Collections.Generic;
            using Amazon.CDK;
            using Amazon.CDK.AWS.AutoScaling;
            using Amazon.CDK.AWS.EC2;
            using Amazon.CDK.AWS.S3;
            using Constructs;

            namespace Corpus.{{area}}.Stacks;

            public sealed class {{name}} : Stack
            {
                public {{name}}(Construct scope, string id, IStackProps? props = null)
                    : base(scope, id, props)
                {
                    var vpc = new Vpc(this, "Vpc", new VpcProps { MaxAzs = {{1 + random.Next(3)}}, NatGateways = 1 });
                    var securityGroup = new SecurityGroup(this, "WebSg", new SecurityGroupProps { Vpc = vpc, AllowAllOutbound = true, Description = "{{area}} web tier" });
                    securityGroup.AddIngressRule(Peer.AnyIpv4(), Port.Tcp(443), "https from anywhere");

                    var userData = UserData.ForLinux();
                    userData.AddCommands(
                        "yum install -y {{random.Pick(new[] { "httpd", "nginx", "jq", "amazon-cloudwatch-agent" })}}",
                        "TOKEN=$(curl -s -X PUT http://169.254.169.254/latest/api/token -H \"X-aws-ec2-metadata-token-ttl-seconds: 300\")",
                        "curl -s -H \"X-aws-ec2-metadata-token: $TOKEN\" http://169.254.169.254/latest/meta-data/instance-id > /etc/instance-id");

                    var web = new Instance_(this, "Web", new InstanceProps
                    {
                        Vpc = vpc,
                        InstanceType = InstanceType.Of(InstanceClass.BURSTABLE3, InstanceSize.{{size}}),
                        MachineImage = MachineImage.LatestAmazonLinux2023(),
                        SecurityGroup = securityGroup,
                        UserData = userData,
                        RequireImdsv2 = true,
                    });

                    var template = new LaunchTemplate(this, "Template", new LaunchTemplateProps
                    {
                        MachineImage = MachineImage.LatestAmazonLinux2023(),
                        InstanceType = InstanceType.Of(InstanceClass.COMPUTE6_GRAVITON2, InstanceSize.{{size}}),
                        RequireImdsv2 = true,
                        HttpTokens = LaunchTemplateHttpTokens.REQUIRED,
                    });

                    var group = new AutoScalingGroup(this, "Workers", new AutoScalingGroupProps
                    {
                        Vpc = vpc,
                        InstanceType = InstanceType.Of(InstanceClass.MEMORY6_INTEL, InstanceSize.{{size}}),
                        MachineImage = MachineImage.LatestAmazonLinux2023(),
                        MinCapacity = 1,
                        MaxCapacity = {{2 + random.Next(10)}},
                        RequireImdsv2 = true,
                    });

                    var logs = new Bucket(this, "Logs", new BucketProps
                    {
                        Versioned = true,
                        Encryption = BucketEncryption.S3_MANAGED,
                        RemovalPolicy = RemovalPolicy.RETAIN,
                    });

                    Amazon.CDK.Tags.Of(this).Add("team", "{{random.Pick(Names.Words)}}");
                    _ = new CfnOutput(this, "WebId", new CfnOutputProps { Value = web.InstanceId });
                    _ = new CfnOutput(this, "TemplateId", new CfnOutputProps { Value = template.LaunchTemplateId ?? "none" });
                    _ = new CfnOutput(this, "Logs", new CfnOutputProps { Value = logs.BucketName + "/" + group.AutoScalingGroupName });
                }
            }
            """;
    }
}
