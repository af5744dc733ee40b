using ImdsAnalyzers.Tests.Verifiers;
using static ImdsAnalyzers.Tests.Cdk.CdkSource;
using static ImdsAnalyzers.Tests.LaunchSettings.SdkSource;
using Verify = ImdsAnalyzers.Tests.Verifiers.CodeFixVerifier<ImdsAnalyzers.LaunchSettings.LaunchSettingsAnalyzer, ImdsAnalyzers.CodeFixes.LaunchSettings.LaunchSettingsCodeFixProvider>;

namespace ImdsAnalyzers.Tests.LaunchSettings;

/// <summary>IMDS102 fix: the weak value becomes the strong one, in the form it was written.</summary>
public class WeakTokenValueCodeFixTests
{
    [Fact]
    public Task Optional_constant_becomes_required() => Verify.VerifyAsync(InMethod("""
                var request = new RunInstancesRequest
                {
                    ImageId = imageId,
                    MetadataOptions = new InstanceMetadataOptionsRequest { {|IMDS102:HttpTokens = HttpTokensState.Optional|}, HttpPutResponseHopLimit = 2 },
                };
                await ec2.RunInstancesAsync(request);
        """), InMethod("""
                var request = new RunInstancesRequest
                {
                    ImageId = imageId,
                    MetadataOptions = new InstanceMetadataOptionsRequest { HttpTokens = HttpTokensState.Required, HttpPutResponseHopLimit = 2 },
                };
                await ec2.RunInstancesAsync(request);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Optional_string_becomes_required_string() => Verify.VerifyAsync(InMethod("""
                var options = new LaunchTemplateInstanceMetadataOptionsRequest();
                {|IMDS102:options.HttpTokens = /* was */ "optional"|}; // legacy agents
        """), InMethod("""
                var options = new LaunchTemplateInstanceMetadataOptionsRequest();
                options.HttpTokens = /* was */ "required"; // legacy agents
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task String_constant_from_elsewhere_becomes_the_sdk_constant() => Verify.VerifyAsync(InMethod("""
                var options = new InstanceMetadataOptionsRequest { {|IMDS102:HttpTokens = Tokens|} };
        """, """
            private const string Tokens = "optional";
        """), InMethod("""
                var options = new InstanceMetadataOptionsRequest { HttpTokens = HttpTokensState.Required };
        """, """
            private const string Tokens = "optional";
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Constructed_weak_value_becomes_the_sdk_constant() => Verify.VerifyAsync(InMethod("""
                var options = new InstanceMetadataOptionsRequest { {|IMDS102:HttpTokens = new HttpTokensState("optional")|} };
        """), InMethod("""
                var options = new InstanceMetadataOptionsRequest { HttpTokens = HttpTokensState.Required };
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Region_defaults_become_required_and_enforced() => Verify.VerifyAsync(InMethod("""
                await ec2.ModifyInstanceMetadataDefaultsAsync(new ModifyInstanceMetadataDefaultsRequest
                {
                    {|IMDS102:HttpTokens = MetadataDefaultHttpTokensState.NoPreference|},
                    {|IMDS102:HttpTokensEnforced = DefaultHttpTokensEnforcedState.Disabled|},
                });
                await ec2.ModifyInstanceMetadataDefaultsAsync(new ModifyInstanceMetadataDefaultsRequest { {|IMDS102:HttpTokens = "no-preference"|}, {|IMDS102:HttpTokensEnforced = "disabled"|} });
        """), InMethod("""
                await ec2.ModifyInstanceMetadataDefaultsAsync(new ModifyInstanceMetadataDefaultsRequest
                {
                    HttpTokens = MetadataDefaultHttpTokensState.Required,
                    HttpTokensEnforced = DefaultHttpTokensEnforcedState.Enabled,
                });
                await ec2.ModifyInstanceMetadataDefaultsAsync(new ModifyInstanceMetadataDefaultsRequest { HttpTokens = "required", HttpTokensEnforced = "enabled" });
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Running_instance_and_missing_using() => Verify.VerifyAsync("""
        class Hardening
        {
            Amazon.EC2.Model.ModifyInstanceMetadataOptionsRequest Loosen(string id) =>
                new Amazon.EC2.Model.ModifyInstanceMetadataOptionsRequest { InstanceId = id, {|IMDS102:HttpTokens = Amazon.EC2.HttpTokensState.Optional|} };
        }
        """, """
        class Hardening
        {
            Amazon.EC2.Model.ModifyInstanceMetadataOptionsRequest Loosen(string id) =>
                new Amazon.EC2.Model.ModifyInstanceMetadataOptionsRequest { InstanceId = id, HttpTokens = Amazon.EC2.HttpTokensState.Required };
        }
        """, TestLibraries.AwsSdk);

    [Fact]
    public Task Cdk_values_become_required() => Verify.VerifyAsync(InStack("""
                var props = new LaunchTemplateProps { {|IMDS102:HttpTokens = LaunchTemplateHttpTokens.OPTIONAL|} };
                var options = new CfnLaunchTemplate.MetadataOptionsProperty { {|IMDS102:HttpTokens = "optional"|} };
        """), InStack("""
                var props = new LaunchTemplateProps { HttpTokens = LaunchTemplateHttpTokens.REQUIRED };
                var options = new CfnLaunchTemplate.MetadataOptionsProperty { HttpTokens = "required" };
        """), TestLibraries.Cdk);

    [Fact]
    public Task Fix_all_across_documents()
    {
        var test = Verify.Create(InMethod("""
                    var options = new InstanceMetadataOptionsRequest { {|IMDS102:HttpTokens = HttpTokensState.Optional|} };
                    {|IMDS102:options.HttpTokens = "optional"|};
            """), InMethod("""
                    var options = new InstanceMetadataOptionsRequest { HttpTokens = HttpTokensState.Required };
                    options.HttpTokens = "required";
            """), TestLibraries.AwsSdk);
        test.TestState.Sources.Add(("Defaults.cs", """
            using Amazon.EC2.Model;

            static class Defaults
            {
                static ModifyInstanceMetadataDefaultsRequest Loose() => new ModifyInstanceMetadataDefaultsRequest { {|IMDS102:HttpTokens = Amazon.EC2.MetadataDefaultHttpTokensState.Optional|} };
            }
            """));
        test.FixedState.Sources.Add(("Defaults.cs", """
            using Amazon.EC2.Model;

            static class Defaults
            {
                static ModifyInstanceMetadataDefaultsRequest Loose() => new ModifyInstanceMetadataDefaultsRequest { HttpTokens = Amazon.EC2.MetadataDefaultHttpTokensState.Required };
            }
            """));
        test.NumberOfFixAllIterations = 1;
        test.NumberOfFixAllInProjectIterations = 1;
        // In document scope, the second document needs its own pass.
        test.NumberOfFixAllInDocumentIterations = 2;
        return test.RunAsync();
    }
}
