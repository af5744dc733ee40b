using ImdsAnalyzers.Tests.Verifiers;
using static ImdsAnalyzers.Tests.LaunchSettings.SdkSource;
using Verify = ImdsAnalyzers.Tests.Verifiers.CodeFixVerifier<ImdsAnalyzers.LaunchSettings.LaunchSettingsAnalyzer, ImdsAnalyzers.CodeFixes.LaunchSettings.LaunchSettingsCodeFixProvider>;

namespace ImdsAnalyzers.Tests.LaunchSettings;

/// <summary>IMDS101 fix on launch template data: the launch template types (LaunchTemplateHttpTokensState).</summary>
public class LaunchTemplateDataCodeFixTests
{
    [Fact]
    public Task Adds_launch_template_metadata_options() => Verify.VerifyAsync(InMethod("""
                await ec2.CreateLaunchTemplateAsync(new CreateLaunchTemplateRequest
                {
                    LaunchTemplateName = "web",
                    LaunchTemplateData = {|IMDS101:new RequestLaunchTemplateData|}
                    {
                        ImageId = imageId,
                        InstanceType = InstanceType.T3Micro,
                    },
                });
        """), InMethod("""
                await ec2.CreateLaunchTemplateAsync(new CreateLaunchTemplateRequest
                {
                    LaunchTemplateName = "web",
                    LaunchTemplateData = new RequestLaunchTemplateData
                    {
                        ImageId = imageId,
                        InstanceType = InstanceType.T3Micro,
                        MetadataOptions = new LaunchTemplateInstanceMetadataOptionsRequest { HttpTokens = LaunchTemplateHttpTokensState.Required },
                    },
                });
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Completes_options_set_on_the_data_variable() => Verify.VerifyAsync(InMethod("""
                var data = {|IMDS101:new RequestLaunchTemplateData()|};
                data.MetadataOptions = new LaunchTemplateInstanceMetadataOptionsRequest { HttpPutResponseHopLimit = 2 };
                await ec2.CreateLaunchTemplateVersionAsync(new CreateLaunchTemplateVersionRequest { LaunchTemplateName = "web", LaunchTemplateData = data });
        """), InMethod("""
                var data = new RequestLaunchTemplateData();
                data.MetadataOptions = new LaunchTemplateInstanceMetadataOptionsRequest { HttpPutResponseHopLimit = 2, HttpTokens = LaunchTemplateHttpTokensState.Required };
                await ec2.CreateLaunchTemplateVersionAsync(new CreateLaunchTemplateVersionRequest { LaunchTemplateName = "web", LaunchTemplateData = data });
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Fix_all_covers_templates_and_launches()
    {
        var test = Verify.Create(InMethod("""
                    var data = {|IMDS101:new RequestLaunchTemplateData|} { ImageId = imageId };
                    await ec2.CreateLaunchTemplateAsync(new CreateLaunchTemplateRequest { LaunchTemplateName = "web", LaunchTemplateData = data });
                    await ec2.RunInstancesAsync({|IMDS101:new RunInstancesRequest|} { ImageId = imageId });
            """), InMethod("""
                    var data = new RequestLaunchTemplateData { ImageId = imageId, MetadataOptions = new LaunchTemplateInstanceMetadataOptionsRequest { HttpTokens = LaunchTemplateHttpTokensState.Required } };
                    await ec2.CreateLaunchTemplateAsync(new CreateLaunchTemplateRequest { LaunchTemplateName = "web", LaunchTemplateData = data });
                    await ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = imageId, MetadataOptions = new InstanceMetadataOptionsRequest { HttpTokens = HttpTokensState.Required } });
            """), TestLibraries.AwsSdk);
        test.NumberOfFixAllIterations = 1;
        return test.RunAsync();
    }
}
