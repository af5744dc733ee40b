using ImdsAnalyzers.Tests.Verifiers;
using static ImdsAnalyzers.Tests.Cdk.CdkSource;
using Verify = ImdsAnalyzers.Tests.Verifiers.AnalyzerVerifier<ImdsAnalyzers.Cdk.CdkLaunchAnalyzer>;

namespace ImdsAnalyzers.Tests.Cdk;

/// <summary>IMDS201 and the RequireImdsv2 aspects: an aspect applied anywhere in the compilation covers its kind of construct.</summary>
public class CdkAspectTests
{
    private const string UnsafeConstructs = """
                new Instance_(this, "Web", {|IMDS201:new InstanceProps|} { Vpc = vpc, MachineImage = image });
                new BastionHostLinux(this, "Bastion", {|IMDS201:new BastionHostLinuxProps|} { Vpc = vpc });
                new LaunchTemplate(this, "Template", {|IMDS201:new LaunchTemplateProps|} { MachineImage = image });
                new AutoScalingGroup(this, "Fleet", {|IMDS201:new AutoScalingGroupProps|} { Vpc = vpc, MachineImage = image });
        """;

    private static string Program(string aspects) => $$"""
        using Amazon.CDK;
        using Amazon.CDK.AWS.AutoScaling;
        using Amazon.CDK.AWS.EC2;

        static class Program
        {
            static void Main()
            {
                var app = new App();
        {{aspects}}
                app.Synth();
            }
        }
        """;

    [Fact]
    public Task Without_aspects_every_construct_is_reported() => Verify.VerifyAsync(InStack(UnsafeConstructs), TestLibraries.Cdk);

    [Fact]
    public Task Instance_aspect_in_another_file_covers_instances_and_bastion_hosts()
    {
        var test = Verify.Create(InStack(UnsafeConstructs.Replace("{|IMDS201:new InstanceProps|}", "new InstanceProps").Replace("{|IMDS201:new BastionHostLinuxProps|}", "new BastionHostLinuxProps")), TestLibraries.Cdk);
        test.TestState.Sources.Add(Program("        Aspects.Of(app).Add(new InstanceRequireImdsv2Aspect());"));
        return test.RunAsync();
    }

    [Fact]
    public Task Launch_template_aspect_covers_launch_templates_only()
    {
        var test = Verify.Create(InStack(UnsafeConstructs.Replace("{|IMDS201:new LaunchTemplateProps|}", "new LaunchTemplateProps")), TestLibraries.Cdk);
        test.TestState.Sources.Add(Program("        Aspects.Of(app).Add(new LaunchTemplateRequireImdsv2Aspect(new LaunchTemplateRequireImdsv2AspectProps { SuppressWarnings = true }));"));
        return test.RunAsync();
    }

    [Fact]
    public Task Auto_scaling_group_aspect_through_a_variable()
    {
        var test = Verify.Create(InStack(UnsafeConstructs.Replace("{|IMDS201:new AutoScalingGroupProps|}", "new AutoScalingGroupProps")), TestLibraries.Cdk);
        test.TestState.Sources.Add(Program("""
                    IAspect aspect = new AutoScalingGroupRequireImdsv2Aspect();
                    Aspects.Of(app).Add(aspect);
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task All_three_aspects_in_the_stack_itself() => Verify.VerifyAsync(InStack(UnsafeConstructs.Replace("{|IMDS201:", string.Empty).Replace("|}", string.Empty) + """
                Aspects.Of(this).Add(new InstanceRequireImdsv2Aspect());
                Aspects.Of(this).Add(new LaunchTemplateRequireImdsv2Aspect());
                Aspects.Of(this).Add(new AutoScalingGroupRequireImdsv2Aspect());
        """), TestLibraries.Cdk);

    [Fact]
    public Task Aspect_created_but_never_added_does_not_count() => Verify.VerifyAsync(InStack(UnsafeConstructs + """
                var unused = new InstanceRequireImdsv2Aspect();
        """), TestLibraries.Cdk);

    [Fact]
    public Task Look_alike_aspects_do_not_count()
    {
        var test = Verify.Create(InStack(UnsafeConstructs), TestLibraries.Cdk);
        test.TestState.Sources.Add("""
            namespace My.Aspects
            {
                class InstanceRequireImdsv2Aspect { }
                class Aspects
                {
                    public static Aspects Of(object scope) => new Aspects();
                    public void Add(object aspect) { }
                }

                static class Setup
                {
                    static void Apply(object app) => Aspects.Of(app).Add(new InstanceRequireImdsv2Aspect());
                }
            }
            """);
        return test.RunAsync();
    }
}
