using ImdsAnalyzers.Tests.Verifiers;
using static ImdsAnalyzers.Tests.Cdk.CdkSource;
using Microsoft.CodeAnalysis.Testing;
using Verifier = ImdsAnalyzers.Tests.Verifiers.CodeFixVerifier<ImdsAnalyzers.Cdk.CdkLaunchAnalyzer, ImdsAnalyzers.CodeFixes.Cdk.RequireImdsv2CodeFixProvider>;

namespace ImdsAnalyzers.Tests.Cdk;

/// <summary>IMDS201 fix: RequireImdsv2 = true.</summary>
public class CdkCodeFixTests
{
    /// <summary>
    /// IMDS201 is reported at the end of the compilation (an aspect in another file may cover the
    /// construct). Such reports and their fixes appear in builds, full solution analysis and
    /// dotnet format; the framework's check that a fixed diagnostic is local does not apply.
    /// </summary>
    private static class Verify
    {
        public static Verifier.Test Create(string source, string fixedSource, TestLibraries libraries)
        {
            var test = Verifier.Create(source, fixedSource, libraries);
            test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
            return test;
        }

        public static Task VerifyAsync(string source, string fixedSource, TestLibraries libraries) =>
            Create(source, fixedSource, libraries).RunAsync();
    }

    [Fact]
    public Task Adds_require_imdsv2_keeping_other_props() => Verify.VerifyAsync(InStack("""
                new Instance_(this, "Web", {|IMDS201:new InstanceProps|}
                {
                    Vpc = vpc,
                    MachineImage = image, // pinned
                    InstanceType = new InstanceType("t3.micro")
                });
        """), InStack("""
                new Instance_(this, "Web", new InstanceProps
                {
                    Vpc = vpc,
                    MachineImage = image, // pinned
                    InstanceType = new InstanceType("t3.micro"),
                    RequireImdsv2 = true
                });
        """), TestLibraries.Cdk);

    [Fact]
    public Task Adds_initializer_to_props_without_one() => Verify.VerifyAsync(InStack("""
                var props = {|IMDS201:new AutoScalingGroupProps()|};
                props.Vpc = vpc;
                new AutoScalingGroup(this, "Fleet", props);
        """), InStack("""
                var props = new AutoScalingGroupProps() { RequireImdsv2 = true };
                props.Vpc = vpc;
                new AutoScalingGroup(this, "Fleet", props);
        """), TestLibraries.Cdk);

    [Fact]
    public Task Sets_false_to_true_in_initializer_and_later_assignment() => Verify.VerifyAsync(InStack("""
                new BastionHostLinux(this, "Bastion", new BastionHostLinuxProps { Vpc = vpc, {|IMDS201:RequireImdsv2 = false|} });
                var props = new LaunchTemplateProps { MachineImage = image };
                {|IMDS201:props.RequireImdsv2 = false|}; // for the old agent
                new LaunchTemplate(this, "Template", props);
        """), InStack("""
                new BastionHostLinux(this, "Bastion", new BastionHostLinuxProps { Vpc = vpc, RequireImdsv2 = true });
                var props = new LaunchTemplateProps { MachineImage = image };
                props.RequireImdsv2 = true; // for the old agent
                new LaunchTemplate(this, "Template", props);
        """), TestLibraries.Cdk);

    [Fact]
    public Task Replaces_null_require_imdsv2() => Verify.VerifyAsync(InStack("""
                new Instance_(this, "Web", {|IMDS201:new InstanceProps|} { Vpc = vpc, MachineImage = image, RequireImdsv2 = null });
        """), InStack("""
                new Instance_(this, "Web", new InstanceProps { Vpc = vpc, MachineImage = image, RequireImdsv2 = true });
        """), TestLibraries.Cdk);

    [Fact]
    public Task Passes_props_to_a_launch_template_created_without_any() => Verify.VerifyAsync(InStack("""
                var empty = {|IMDS201:new LaunchTemplate(this, "Empty")|};
                var none = {|IMDS201:new LaunchTemplate(this, "None", null)|};
        """), InStack("""
                var empty = new LaunchTemplate(this, "Empty", new LaunchTemplateProps { RequireImdsv2 = true });
                var none = new LaunchTemplate(this, "None", new LaunchTemplateProps { RequireImdsv2 = true });
        """), TestLibraries.Cdk);

    [Fact]
    public Task Qualifies_props_when_the_file_lacks_the_cdk_using() => Verify.VerifyAsync("""
        class Templates : Amazon.CDK.Stack
        {
            Templates() => _ = {|IMDS201:new Amazon.CDK.AWS.EC2.LaunchTemplate(this, "Template")|};
        }
        """, """
        class Templates : Amazon.CDK.Stack
        {
            Templates() => _ = new Amazon.CDK.AWS.EC2.LaunchTemplate(this, "Template", new Amazon.CDK.AWS.EC2.LaunchTemplateProps { RequireImdsv2 = true });
        }
        """, TestLibraries.Cdk);

    [Fact]
    public Task Fix_all_across_documents()
    {
        var test = Verify.Create(InStack("""
                    new Instance_(this, "Web", {|IMDS201:new InstanceProps|} { Vpc = vpc, MachineImage = image });
                    new AutoScalingGroup(this, "Fleet", new AutoScalingGroupProps { Vpc = vpc, {|IMDS201:RequireImdsv2 = false|} });
            """), InStack("""
                    new Instance_(this, "Web", new InstanceProps { Vpc = vpc, MachineImage = image, RequireImdsv2 = true });
                    new AutoScalingGroup(this, "Fleet", new AutoScalingGroupProps { Vpc = vpc, RequireImdsv2 = true });
            """), TestLibraries.Cdk);
        test.TestState.Sources.Add(("Bastion.cs", """
            using Amazon.CDK.AWS.EC2;

            static class Bastion
            {
                static BastionHostLinux Create(Constructs.Construct scope, IVpc vpc) => new BastionHostLinux(scope, "Bastion", {|IMDS201:new BastionHostLinuxProps|} { Vpc = vpc });
            }
            """));
        test.FixedState.Sources.Add(("Bastion.cs", """
            using Amazon.CDK.AWS.EC2;

            static class Bastion
            {
                static BastionHostLinux Create(Constructs.Construct scope, IVpc vpc) => new BastionHostLinux(scope, "Bastion", new BastionHostLinuxProps { Vpc = vpc, RequireImdsv2 = true });
            }
            """));
        test.NumberOfFixAllIterations = 1;
        test.NumberOfFixAllInProjectIterations = 1;
        // In document scope, the second document needs its own pass.
        test.NumberOfFixAllInDocumentIterations = 2;
        return test.RunAsync();
    }
}
