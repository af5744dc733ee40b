namespace ImdsAnalyzers.Tests.LaunchSettings;

/// <summary>Test sources that call EC2 through the AWS SDK for .NET.</summary>
internal static class SdkSource
{
    /// <summary>A method body with an EC2 client at hand, inside a class with the SDK namespaces imported.</summary>
    public static string InMethod(string body, string members = "") => $$"""
        using System.Threading.Tasks;
        using Amazon.EC2;
        using Amazon.EC2.Model;

        class Launcher
        {
        {{members}}
            async Task Launch(IAmazonEC2 ec2, string imageId)
            {
        {{body}}
            }
        }
        """;
}
