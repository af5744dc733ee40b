using ImdsAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using static ImdsAnalyzers.Tests.Cdk.CdkSource;

namespace ImdsAnalyzers.Tests.Cdk;

/// <summary>imds_analyzers.region_enforces_imdsv2 turns IMDS201 off; IMDS102 on CDK values stays on.</summary>
public class CdkRegionOptionTests
{
    private const string Config = "root = true\n\n[*.cs]\nimds_analyzers.region_enforces_imdsv2 = true\n";

    [Fact]
    public Task Editorconfig_turns_off_IMDS201()
    {
        var test = AnalyzerVerifier<ImdsAnalyzers.Cdk.CdkLaunchAnalyzer>.Create(InStack("""
                    new Instance_(this, "Web", new InstanceProps { Vpc = vpc, MachineImage = image, RequireImdsv2 = false });
                    new LaunchTemplate(this, "Template");
                    new AutoScalingGroup(this, "Fleet", new AutoScalingGroupProps { Vpc = vpc });
            """), TestLibraries.Cdk);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", Config));
        return test.RunAsync();
    }

    [Fact]
    public Task Explicit_optional_tokens_are_still_reported()
    {
        var test = AnalyzerVerifier<ImdsAnalyzers.LaunchSettings.LaunchSettingsAnalyzer>.Create(InStack("""
                    new LaunchTemplate(this, "Template", new LaunchTemplateProps { {|IMDS102:HttpTokens = LaunchTemplateHttpTokens.OPTIONAL|} });
            """), TestLibraries.Cdk);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", Config));
        return test.RunAsync();
    }

    [Fact]
    public Task Without_the_option_IMDS201_is_reported()
    {
        var test = AnalyzerVerifier<ImdsAnalyzers.Cdk.CdkLaunchAnalyzer>.Create(InStack("""
                    new LaunchTemplate(this, "Template", new LaunchTemplateProps { {|IMDS201:RequireImdsv2 = false|} });
            """), TestLibraries.Cdk);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.IMDS101.severity = none\n"));
        return test.RunAsync();
    }
}
