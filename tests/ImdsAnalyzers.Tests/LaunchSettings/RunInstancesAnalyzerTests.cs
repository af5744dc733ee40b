using ImdsAnalyzers.LaunchSettings;
using ImdsAnalyzers.Tests.Verifiers;
using Verify = ImdsAnalyzers.Tests.Verifiers.AnalyzerVerifier<ImdsAnalyzers.LaunchSettings.LaunchSettingsAnalyzer>;

namespace ImdsAnalyzers.Tests.LaunchSettings;

/// <summary>IMDS101 on RunInstancesRequest: reported when nothing in the method makes tokens required.</summary>
public class RunInstancesAnalyzerTests
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
    public Task Request_without_metadata_options_is_reported() => Verify.VerifyAsync(InMethod("""
                var request = {|IMDS101:new RunInstancesRequest|} { ImageId = "ami-1", MinCount = 1, MaxCount = 1 };
                await ec2.RunInstancesAsync(request);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Request_with_required_tokens_in_initializer_is_not_reported() => Verify.VerifyAsync(InMethod("""
                var request = new RunInstancesRequest
                {
                    ImageId = "ami-1",
                    MetadataOptions = new InstanceMetadataOptionsRequest { HttpTokens = HttpTokensState.Required },
                };
                await ec2.RunInstancesAsync(request);
        """), TestLibraries.AwsSdk);
}
