using ImdsAnalyzers.Tests.Verifiers;
using static ImdsAnalyzers.Tests.LaunchSettings.SdkSource;
using Verify = ImdsAnalyzers.Tests.Verifiers.AnalyzerVerifier<ImdsAnalyzers.LaunchSettings.LaunchSettingsAnalyzer>;

namespace ImdsAnalyzers.Tests.LaunchSettings;

/// <summary>IMDS101 on RequestLaunchTemplateData in CreateLaunchTemplateRequest and CreateLaunchTemplateVersionRequest.</summary>
public class LaunchTemplateDataAnalyzerTests
{
    [Fact]
    public Task Template_data_without_metadata_options_is_reported() => Verify.VerifyAsync(InMethod("""
                await ec2.CreateLaunchTemplateAsync(new CreateLaunchTemplateRequest
                {
                    LaunchTemplateName = "web",
                    LaunchTemplateData = {|IMDS101:new RequestLaunchTemplateData|} { ImageId = imageId, InstanceType = InstanceType.T3Micro },
                });
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task New_version_without_source_is_reported() => Verify.VerifyAsync(InMethod("""
                await ec2.CreateLaunchTemplateVersionAsync(new CreateLaunchTemplateVersionRequest
                {
                    LaunchTemplateName = "web",
                    LaunchTemplateData = {|IMDS101:new RequestLaunchTemplateData|} { ImageId = imageId },
                });
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Template_data_built_in_a_variable_is_reported() => Verify.VerifyAsync(InMethod("""
                var data = {|IMDS101:new RequestLaunchTemplateData()|};
                data.ImageId = imageId;
                data.MetadataOptions = new LaunchTemplateInstanceMetadataOptionsRequest { HttpPutResponseHopLimit = 2 };
                await ec2.CreateLaunchTemplateAsync(new CreateLaunchTemplateRequest { LaunchTemplateName = "web", LaunchTemplateData = data });
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Required_tokens_in_template_data() => Verify.VerifyAsync(InMethod("""
                await ec2.CreateLaunchTemplateAsync(new CreateLaunchTemplateRequest
                {
                    LaunchTemplateName = "web",
                    LaunchTemplateData = new RequestLaunchTemplateData
                    {
                        ImageId = imageId,
                        MetadataOptions = new LaunchTemplateInstanceMetadataOptionsRequest { HttpTokens = LaunchTemplateHttpTokensState.Required },
                    },
                });
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Required_tokens_set_through_the_outer_request() => Verify.VerifyAsync(InMethod("""
                var request = new CreateLaunchTemplateRequest { LaunchTemplateName = "web", LaunchTemplateData = new RequestLaunchTemplateData { ImageId = imageId } };
                request.LaunchTemplateData.MetadataOptions = new LaunchTemplateInstanceMetadataOptionsRequest();
                request.LaunchTemplateData.MetadataOptions.HttpTokens = "required";
                await ec2.CreateLaunchTemplateAsync(request);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Required_tokens_set_through_the_outer_request_on_a_data_variable() => Verify.VerifyAsync(InMethod("""
                var data = new RequestLaunchTemplateData { ImageId = imageId };
                var request = new CreateLaunchTemplateRequest { LaunchTemplateName = "web" };
                request.LaunchTemplateData = data;
                request.LaunchTemplateData.MetadataOptions = new() { HttpTokens = LaunchTemplateHttpTokensState.Required };
                await ec2.CreateLaunchTemplateAsync(request);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Required_tokens_set_on_the_data_variable() => Verify.VerifyAsync(InMethod("""
                var data = new RequestLaunchTemplateData { ImageId = imageId };
                data.MetadataOptions = new() { HttpTokens = LaunchTemplateHttpTokensState.Required };
                await ec2.CreateLaunchTemplateAsync(new CreateLaunchTemplateRequest { LaunchTemplateName = "web", LaunchTemplateData = data });
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task New_version_from_a_source_version_inherits_its_options() => Verify.VerifyAsync(InMethod("""
                await ec2.CreateLaunchTemplateVersionAsync(new CreateLaunchTemplateVersionRequest
                {
                    LaunchTemplateName = "web",
                    SourceVersion = "1",
                    LaunchTemplateData = new RequestLaunchTemplateData { ImageId = imageId },
                });
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task New_version_from_a_source_version_set_later() => Verify.VerifyAsync(InMethod("""
                var data = new RequestLaunchTemplateData { ImageId = imageId };
                var request = new CreateLaunchTemplateVersionRequest { LaunchTemplateName = "web" };
                request.LaunchTemplateData = data;
                request.SourceVersion = "$Default";
                await ec2.CreateLaunchTemplateVersionAsync(request);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Source_version_on_a_new_template_is_not_a_source() => Verify.VerifyAsync(InMethod("""
                var request = new CreateLaunchTemplateRequest { LaunchTemplateName = "web", VersionDescription = "1" };
                request.LaunchTemplateData = {|IMDS101:new RequestLaunchTemplateData|} { ImageId = imageId };
                await ec2.CreateLaunchTemplateAsync(request);
        """), TestLibraries.AwsSdk);
}
