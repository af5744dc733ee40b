using ImdsAnalyzers.Tests.Verifiers;
using static ImdsAnalyzers.Tests.Cdk.CdkSource;
using Verify = ImdsAnalyzers.Tests.Verifiers.AnalyzerVerifier<ImdsAnalyzers.Cdk.CdkLaunchAnalyzer>;

namespace ImdsAnalyzers.Tests.Cdk;

/// <summary>IMDS201 on CDK constructs that launch instances.</summary>
public class CdkLaunchAnalyzerTests
{
    [Fact]
    public Task Instance_props_without_require_imdsv2() => Verify.VerifyAsync(InStack("""
                new Instance_(this, "Web", {|IMDS201:new InstanceProps|}
                {
                    Vpc = vpc,
                    MachineImage = image,
                    InstanceType = new InstanceType("t3.micro"),
                });
        """), TestLibraries.Cdk);

    [Fact]
    public Task Message_names_the_construct() => Verify.VerifyAsync(InStack("""
                new BastionHostLinux(this, "Bastion", new BastionHostLinuxProps { Vpc = vpc });
        """), TestLibraries.Cdk, Verify.Diagnostic(Descriptors.CdkLaunchWithoutRequiredTokens).WithSpan(11, 47, 11, 72).WithArguments("BastionHostLinux"));

    [Fact]
    public Task Instance_props_with_require_imdsv2_false_is_reported_on_the_assignment() => Verify.VerifyAsync(InStack("""
                new Instance_(this, "Web", new InstanceProps { Vpc = vpc, MachineImage = image, {|IMDS201:RequireImdsv2 = false|} });
        """), TestLibraries.Cdk);

    [Fact]
    public Task Props_in_a_variable_set_to_false_later() => Verify.VerifyAsync(InStack("""
                var props = new InstanceProps { Vpc = vpc, MachineImage = image };
                {|IMDS201:props.RequireImdsv2 = false|};
                new Instance_(this, "Web", props);
        """), TestLibraries.Cdk);

    [Fact]
    public Task Props_with_null_require_imdsv2() => Verify.VerifyAsync(InStack("""
                var props = {|IMDS201:new AutoScalingGroupProps|} { Vpc = vpc, MachineImage = image, RequireImdsv2 = null };
                new AutoScalingGroup(this, "Fleet", props);
        """), TestLibraries.Cdk);

    [Fact]
    public Task Launch_template_props_without_require_imdsv2_or_tokens() => Verify.VerifyAsync(InStack("""
                new LaunchTemplate(this, "Template", {|IMDS201:new LaunchTemplateProps|} { MachineImage = image, HttpPutResponseHopLimit = 2 });
        """), TestLibraries.Cdk);

    [Fact]
    public Task Launch_template_props_with_optional_tokens() => Verify.VerifyAsync(InStack("""
                new LaunchTemplate(this, "Template", {|IMDS201:new LaunchTemplateProps|} { MachineImage = image, HttpTokens = LaunchTemplateHttpTokens.OPTIONAL });
        """), TestLibraries.Cdk);

    [Fact]
    public Task Launch_template_without_props() => Verify.VerifyAsync(InStack("""
                var empty = {|IMDS201:new LaunchTemplate(this, "Empty")|};
                var none = {|IMDS201:new LaunchTemplate(this, "None", null)|};
        """), TestLibraries.Cdk);

    [Fact]
    public Task Auto_scaling_group_props_without_require_imdsv2() => Verify.VerifyAsync(InStack("""
                new AutoScalingGroup(this, "Fleet", {|IMDS201:new AutoScalingGroupProps()|});
        """), TestLibraries.Cdk);

    [Fact]
    public Task Bastion_host_props_without_require_imdsv2() => Verify.VerifyAsync(InStack("""
                var bastion = new BastionHostLinux(this, "Bastion", {|IMDS201:new BastionHostLinuxProps|} { Vpc = vpc, InstanceName = "bastion" });
        """), TestLibraries.Cdk);

    [Fact]
    public Task Require_imdsv2_true_in_initializer() => Verify.VerifyAsync(InStack("""
                new Instance_(this, "Web", new InstanceProps { Vpc = vpc, MachineImage = image, RequireImdsv2 = true });
                new BastionHostLinux(this, "Bastion", new BastionHostLinuxProps { Vpc = vpc, RequireImdsv2 = true });
                new AutoScalingGroup(this, "Fleet", new AutoScalingGroupProps { Vpc = vpc, RequireImdsv2 = true });
                new LaunchTemplate(this, "Template", new LaunchTemplateProps { RequireImdsv2 = true });
        """), TestLibraries.Cdk);

    [Fact]
    public Task Require_imdsv2_true_set_later() => Verify.VerifyAsync(InStack("""
                var props = new InstanceProps { Vpc = vpc, MachineImage = image, RequireImdsv2 = false };
                props.RequireImdsv2 = true;
                new Instance_(this, "Web", props);
        """), TestLibraries.Cdk);

    [Fact]
    public Task Require_imdsv2_from_a_parameter_is_not_guessed() => Verify.VerifyAsync(InStack("""
                new Instance_(this, "Web", new InstanceProps { Vpc = vpc, MachineImage = image, RequireImdsv2 = Strict });
        """, """
            static bool Strict => System.Environment.GetEnvironmentVariable("STRICT") == "1";
        """), TestLibraries.Cdk);

    [Fact]
    public Task Launch_template_with_required_tokens() => Verify.VerifyAsync(InStack("""
                new LaunchTemplate(this, "Template", new LaunchTemplateProps { MachineImage = image, HttpTokens = LaunchTemplateHttpTokens.REQUIRED });
                var later = new LaunchTemplateProps { MachineImage = image };
                later.HttpTokens = LaunchTemplateHttpTokens.REQUIRED;
                new LaunchTemplate(this, "Later", later);
        """), TestLibraries.Cdk);

    [Fact]
    public Task Auto_scaling_group_with_a_launch_template_is_judged_by_the_template() => Verify.VerifyAsync(InStack("""
                var template = new LaunchTemplate(this, "Template", new LaunchTemplateProps { RequireImdsv2 = true });
                new AutoScalingGroup(this, "Fleet", new AutoScalingGroupProps { Vpc = vpc, LaunchTemplate = template });
                var mixed = new AutoScalingGroupProps { Vpc = vpc };
                mixed.MixedInstancesPolicy = new MixedInstancesPolicy { LaunchTemplate = template };
                new AutoScalingGroup(this, "Mixed", mixed);
        """), TestLibraries.Cdk);

    [Fact]
    public Task Look_alike_types_in_other_namespaces_are_not_reported() => Verify.VerifyAsync("""
        namespace My.CDK
        {
            class InstanceProps { public bool? RequireImdsv2 { get; set; } }

            class LaunchTemplate { public LaunchTemplate(object scope, string id, object props = null) { } }

            class Use
            {
                void Run()
                {
                    var props = new InstanceProps { RequireImdsv2 = false };
                    new LaunchTemplate(this, "x");
                }
            }
        }
        """, TestLibraries.Cdk);
}
