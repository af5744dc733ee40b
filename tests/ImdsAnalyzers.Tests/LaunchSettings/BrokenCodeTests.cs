using ImdsAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using static ImdsAnalyzers.Tests.LaunchSettings.SdkSource;
using CdkVerify = ImdsAnalyzers.Tests.Verifiers.AnalyzerVerifier<ImdsAnalyzers.Cdk.CdkLaunchAnalyzer>;
using Verify = ImdsAnalyzers.Tests.Verifiers.AnalyzerVerifier<ImdsAnalyzers.LaunchSettings.LaunchSettingsAnalyzer>;

namespace ImdsAnalyzers.Tests.LaunchSettings;

/// <summary>
/// Code being typed: syntax errors, unresolved names, missing references. The analyzers must not
/// throw (the framework fails a test on AD0001) and must not report on what they cannot resolve.
/// </summary>
public class BrokenCodeTests
{
    private static Task VerifyIgnoringCompilerErrors(string source, TestLibraries libraries)
    {
        var test = Verify.Create(source, libraries);
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        return test.RunAsync();
    }

    private static Task VerifyCdkIgnoringCompilerErrors(string source)
    {
        var test = CdkVerify.Create(source, TestLibraries.Cdk);
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        return test.RunAsync();
    }

    [Fact]
    public Task Incomplete_initializers() => VerifyIgnoringCompilerErrors(InMethod("""
                var request = new RunInstancesRequest { ImageId = , MetadataOptions = new InstanceMetadataOptionsRequest { HttpTokens = } ;
                var options = new InstanceMetadataOptionsRequest { HttpTokens = HttpTokensState. };
                var defaults = new ModifyInstanceMetadataDefaultsRequest { HttpTokensEnforced = "disab
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Missing_initializer_value_is_still_a_missing_setting() => VerifyIgnoringCompilerErrors(InMethod("""
                var request = {|IMDS101:new RunInstancesRequest|} { ImageId = imageId, };
                await ec2.RunInstancesAsync(request
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Unresolved_types_and_members() => VerifyIgnoringCompilerErrors(InMethod("""
                var request = new RunInstancesRequest { MetadataOptions = new UnknownOptions() };
                request.MetadataOptions.Bogus = HttpTokensState.Optional;
                request.Unknown.HttpTokens = HttpTokensState.Optional;
                var other = new NotARequest { HttpTokens = "optional" };
                undefinedVariable.MetadataOptions = null;
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Missing_using_leaves_types_unresolved() => VerifyIgnoringCompilerErrors("""
        class Launcher
        {
            object Build() => new RunInstancesRequest { ImageId = "ami-1" };
            object Options() => new InstanceMetadataOptionsRequest { HttpTokens = "optional" };
        }
        """, TestLibraries.AwsSdk);

    [Fact]
    public Task Sdk_code_without_the_sdk_reference() => VerifyIgnoringCompilerErrors(InMethod("""
                var request = new RunInstancesRequest { ImageId = imageId, MetadataOptions = new InstanceMetadataOptionsRequest { HttpTokens = HttpTokensState.Optional } };
                await ec2.RunInstancesAsync(request);
        """), TestLibraries.None);

    [Fact]
    public Task Self_and_circular_assignments_terminate() => VerifyIgnoringCompilerErrors(InMethod("""
                var request = {|IMDS101:new RunInstancesRequest|} { ImageId = imageId };
                var copy = request;
                request = copy;
                copy = request;
                var options = new InstanceMetadataOptionsRequest();
                options = options;
                request.MetadataOptions = options;
                await ec2.RunInstancesAsync(request);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Broken_cdk_code() => VerifyCdkIgnoringCompilerErrors(Cdk.CdkSource.InStack("""
                var props = new InstanceProps { RequireImdsv2 = , Vpc = vpc };
                new LaunchTemplate(this, "Template", 
                Aspects.Of(this).Add();
                Aspects.Of().Add(new UnknownAspect());
                new AutoScalingGroup(this, "Fleet", new AutoScalingGroupProps { LaunchTemplate = undefinedTemplate });
        """));

    [Fact]
    public Task Cdk_code_without_the_cdk_reference() => VerifyCdkIgnoringCompilerErrors(Cdk.CdkSource.InStack("""
                new Instance_(this, "Web", new InstanceProps { Vpc = vpc, MachineImage = image });
                Aspects.Of(this).Add(new InstanceRequireImdsv2Aspect());
        """).Replace("using Amazon.CDK;", "using Amazon.CDK; // not referenced"));
}
