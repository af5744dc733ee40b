using ImdsAnalyzers.Tests.Verifiers;
using static ImdsAnalyzers.Tests.Cdk.CdkSource;
using static ImdsAnalyzers.Tests.LaunchSettings.SdkSource;
using Verify = ImdsAnalyzers.Tests.Verifiers.AnalyzerVerifier<ImdsAnalyzers.LaunchSettings.LaunchSettingsAnalyzer>;

namespace ImdsAnalyzers.Tests.LaunchSettings;

/// <summary>IMDS102: explicit weak values, reported on the assignment that writes them.</summary>
public class WeakTokenValueAnalyzerTests
{
    [Fact]
    public Task Optional_http_tokens_in_launch_options() => Verify.VerifyAsync(InMethod("""
                var request = new RunInstancesRequest { ImageId = imageId, MetadataOptions = new InstanceMetadataOptionsRequest { {|IMDS102:HttpTokens = HttpTokensState.Optional|} } };
                await ec2.RunInstancesAsync(request);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Message_names_the_setting_and_the_value() => Verify.VerifyAsync(InMethod("""
                var options = new InstanceMetadataOptionsRequest();
                options.HttpTokens = "optional";
        """), TestLibraries.AwsSdk, Verify.Diagnostic(Descriptors.TokenRequirementWeakened).WithSpan(11, 9, 11, 40).WithArguments("InstanceMetadataOptionsRequest.HttpTokens", "optional"));

    [Fact]
    public Task Optional_as_string_through_the_implicit_conversion() => Verify.VerifyAsync(InMethod("""
                var request = new RunInstancesRequest { ImageId = imageId, MetadataOptions = new() { {|IMDS102:HttpTokens = "optional"|} } };
                await ec2.RunInstancesAsync(request);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Optional_as_string_in_other_letter_case() => Verify.VerifyAsync(InMethod("""
                var options = new InstanceMetadataOptionsRequest { {|IMDS102:HttpTokens = "Optional"|} };
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Optional_as_string_constant() => Verify.VerifyAsync(InMethod("""
                var options = new InstanceMetadataOptionsRequest { {|IMDS102:HttpTokens = Tokens|} };
        """, """
            private const string Tokens = "optional";
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Optional_through_constructor_and_find_value() => Verify.VerifyAsync(InMethod("""
                var first = new InstanceMetadataOptionsRequest { {|IMDS102:HttpTokens = new HttpTokensState("optional")|} };
                var second = new InstanceMetadataOptionsRequest { {|IMDS102:HttpTokens = HttpTokensState.FindValue("optional")|} };
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Optional_set_later_on_the_request() => Verify.VerifyAsync(InMethod("""
                var request = new RunInstancesRequest { ImageId = imageId, MetadataOptions = new InstanceMetadataOptionsRequest() };
                {|IMDS102:request.MetadataOptions.HttpTokens = HttpTokensState.Optional|};
                await ec2.RunInstancesAsync(request);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Optional_in_launch_template_data() => Verify.VerifyAsync(InMethod("""
                var data = new RequestLaunchTemplateData
                {
                    ImageId = imageId,
                    MetadataOptions = new LaunchTemplateInstanceMetadataOptionsRequest { {|IMDS102:HttpTokens = LaunchTemplateHttpTokensState.Optional|} },
                };
                await ec2.CreateLaunchTemplateAsync(new CreateLaunchTemplateRequest { LaunchTemplateName = "web", LaunchTemplateData = data });
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Optional_on_a_running_instance() => Verify.VerifyAsync(InMethod("""
                await ec2.ModifyInstanceMetadataOptionsAsync(new ModifyInstanceMetadataOptionsRequest { InstanceId = "i-0123456789abcdef0", {|IMDS102:HttpTokens = HttpTokensState.Optional|} });
                var later = new ModifyInstanceMetadataOptionsRequest { InstanceId = "i-0123456789abcdef0" };
                {|IMDS102:later.HttpTokens = "optional"|};
                await ec2.ModifyInstanceMetadataOptionsAsync(later);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Region_default_optional_and_no_preference() => Verify.VerifyAsync(InMethod("""
                await ec2.ModifyInstanceMetadataDefaultsAsync(new ModifyInstanceMetadataDefaultsRequest { {|IMDS102:HttpTokens = MetadataDefaultHttpTokensState.Optional|} });
                await ec2.ModifyInstanceMetadataDefaultsAsync(new ModifyInstanceMetadataDefaultsRequest { {|IMDS102:HttpTokens = MetadataDefaultHttpTokensState.NoPreference|} });
                await ec2.ModifyInstanceMetadataDefaultsAsync(new ModifyInstanceMetadataDefaultsRequest { {|IMDS102:HttpTokens = "no-preference"|} });
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Region_enforcement_disabled() => Verify.VerifyAsync(InMethod("""
                await ec2.ModifyInstanceMetadataDefaultsAsync(new ModifyInstanceMetadataDefaultsRequest
                {
                    HttpTokens = MetadataDefaultHttpTokensState.Required,
                    {|IMDS102:HttpTokensEnforced = DefaultHttpTokensEnforcedState.Disabled|},
                });
                var request = new ModifyInstanceMetadataDefaultsRequest();
                {|IMDS102:request.HttpTokensEnforced = "disabled"|};
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Strong_values_are_not_reported() => Verify.VerifyAsync(InMethod("""
                var options = new InstanceMetadataOptionsRequest { HttpTokens = HttpTokensState.Required };
                var template = new LaunchTemplateInstanceMetadataOptionsRequest { HttpTokens = "required" };
                var running = new ModifyInstanceMetadataOptionsRequest { InstanceId = "i-1", HttpTokens = HttpTokensState.Required };
                await ec2.ModifyInstanceMetadataDefaultsAsync(new ModifyInstanceMetadataDefaultsRequest
                {
                    HttpTokens = MetadataDefaultHttpTokensState.Required,
                    HttpTokensEnforced = DefaultHttpTokensEnforcedState.Enabled,
                });
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Enforcement_without_preference_is_not_a_weakening() => Verify.VerifyAsync(InMethod("""
                await ec2.ModifyInstanceMetadataDefaultsAsync(new ModifyInstanceMetadataDefaultsRequest { HttpTokensEnforced = DefaultHttpTokensEnforcedState.NoPreference });
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Other_metadata_settings_are_not_token_settings() => Verify.VerifyAsync(InMethod("""
                var options = new InstanceMetadataOptionsRequest
                {
                    HttpTokens = HttpTokensState.Required,
                    HttpEndpoint = InstanceMetadataEndpointState.Disabled,
                    InstanceMetadataTags = "disabled",
                };
                await ec2.ModifyInstanceMetadataDefaultsAsync(new ModifyInstanceMetadataDefaultsRequest { HttpEndpoint = "disabled", HttpPutResponseHopLimit = -1 });
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Values_from_variables_are_not_guessed() => Verify.VerifyAsync("""
        using Amazon.EC2;
        using Amazon.EC2.Model;

        class Settings
        {
            InstanceMetadataOptionsRequest Build(string tokens, HttpTokensState state) =>
                new InstanceMetadataOptionsRequest { HttpTokens = tokens ?? state };
        }
        """, TestLibraries.AwsSdk);

    [Fact]
    public Task Cdk_launch_template_optional_tokens() => Verify.VerifyAsync(InStack("""
                var props = new LaunchTemplateProps { RequireImdsv2 = true, {|IMDS102:HttpTokens = LaunchTemplateHttpTokens.OPTIONAL|} };
                props.HttpTokens = LaunchTemplateHttpTokens.REQUIRED;
        """), TestLibraries.Cdk);

    [Fact]
    public Task Cdk_cfn_launch_template_optional_tokens() => Verify.VerifyAsync(InStack("""
                new CfnLaunchTemplate(this, "Lt", new CfnLaunchTemplateProps
                {
                    LaunchTemplateData = new CfnLaunchTemplate.LaunchTemplateDataProperty
                    {
                        MetadataOptions = new CfnLaunchTemplate.MetadataOptionsProperty { {|IMDS102:HttpTokens = "optional"|}, HttpPutResponseHopLimit = 2 },
                    },
                });
                var strong = new CfnLaunchTemplate.MetadataOptionsProperty { HttpTokens = "required", HttpEndpoint = "disabled" };
        """), TestLibraries.Cdk);

    [Fact]
    public Task Look_alike_types_in_other_namespaces_are_not_reported() => Verify.VerifyAsync("""
        namespace My.EC2
        {
            class HttpTokensState
            {
                public static readonly HttpTokensState Optional = new HttpTokensState();
                public static implicit operator HttpTokensState(string value) => new HttpTokensState();
            }

            class InstanceMetadataOptionsRequest { public HttpTokensState HttpTokens { get; set; } }

            class LaunchTemplateProps { public string HttpTokens { get; set; } }

            class Use
            {
                void Run()
                {
                    var a = new InstanceMetadataOptionsRequest { HttpTokens = HttpTokensState.Optional };
                    a.HttpTokens = "optional";
                    var b = new LaunchTemplateProps { HttpTokens = "optional" };
                }
            }
        }
        """, TestLibraries.AwsSdk | TestLibraries.Cdk);
}
