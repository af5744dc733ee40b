using ImdsAnalyzers.Tests.Verifiers;
using Verify = ImdsAnalyzers.Tests.Verifiers.CodeFixVerifier<ImdsAnalyzers.LaunchSettings.LaunchSettingsAnalyzer, ImdsAnalyzers.CodeFixes.LaunchSettings.RequireTokensCodeFixProvider>;

namespace ImdsAnalyzers.Tests.LaunchSettings;

public class RunInstancesCodeFixTests
{
    private static string InMethod(string body) => $$"""
        using System.Threading.Tasks;
        using Amazon.EC2;
        using Amazon.EC2.Model;

        class Launcher
        {
            async Task Launch(IAmazonEC2 ec2)
            {
        {{body}}
            }
        }
        """;

    [Fact]
    public Task Adds_metadata_options_to_initializer() => Verify.VerifyAsync(InMethod("""
                var request = {|IMDS101:new RunInstancesRequest|}
                {
                    ImageId = "ami-1",
                    MinCount = 1
                };
                await ec2.RunInstancesAsync(request);
        """), InMethod("""
                var request = new RunInstancesRequest
                {
                    ImageId = "ami-1",
                    MinCount = 1,
                    MetadataOptions = new InstanceMetadataOptionsRequest { HttpTokens = HttpTokensState.Required }
                };
                await ec2.RunInstancesAsync(request);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Adds_initializer() => Verify.VerifyAsync(InMethod("""
                var request = {|IMDS101:new RunInstancesRequest("ami-1", 1, 1)|};
                await ec2.RunInstancesAsync(request);
        """), InMethod("""
                var request = new RunInstancesRequest("ami-1", 1, 1) { MetadataOptions = new InstanceMetadataOptionsRequest { HttpTokens = HttpTokensState.Required } };
                await ec2.RunInstancesAsync(request);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Trailing_comma() => Verify.VerifyAsync(InMethod("""
                var request = {|IMDS101:new RunInstancesRequest|}
                {
                    ImageId = "ami-1", // image
                    MetadataOptions = new InstanceMetadataOptionsRequest
                    {
                        HttpPutResponseHopLimit = 2,
                    },
                };
                await ec2.RunInstancesAsync(request);
        """), InMethod("""
                var request = new RunInstancesRequest
                {
                    ImageId = "ami-1", // image
                    MetadataOptions = new InstanceMetadataOptionsRequest
                    {
                        HttpPutResponseHopLimit = 2,
                        HttpTokens = HttpTokensState.Required,
                    },
                };
                await ec2.RunInstancesAsync(request);
        """), TestLibraries.AwsSdk);
}
