namespace ImdsAnalyzers.Tests.Cdk;

/// <summary>Test sources that define AWS CDK stacks.</summary>
internal static class CdkSource
{
    /// <summary>A stack constructor body with a VPC and a machine image at hand.</summary>
    public static string InStack(string body, string members = "") => $$"""
        using Amazon.CDK;
        using Amazon.CDK.AWS.AutoScaling;
        using Amazon.CDK.AWS.EC2;
        using Constructs;

        class LaunchStack : Stack
        {
        {{members}}
            LaunchStack(Construct scope, IVpc vpc, IMachineImage image) : base(scope, "Launch")
            {
        {{body}}
            }
        }
        """;
}
