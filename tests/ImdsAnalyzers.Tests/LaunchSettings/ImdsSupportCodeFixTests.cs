using ImdsAnalyzers.Tests.Verifiers;
using static ImdsAnalyzers.Tests.LaunchSettings.SdkSource;
using Verify = ImdsAnalyzers.Tests.Verifiers.CodeFixVerifier<ImdsAnalyzers.LaunchSettings.LaunchSettingsAnalyzer, ImdsAnalyzers.CodeFixes.LaunchSettings.LaunchSettingsCodeFixProvider>;

namespace ImdsAnalyzers.Tests.LaunchSettings;

/// <summary>IMDS104 fix: ImdsSupport = ImdsSupportValues.V20.</summary>
public class ImdsSupportCodeFixTests
{
    [Fact]
    public Task Adds_imds_support_to_initializer() => Verify.VerifyAsync(InMethod("""
                await ec2.RegisterImageAsync({|IMDS104:new RegisterImageRequest|}
                {
                    Name = "web-2025",
                    RootDeviceName = "/dev/xvda",
                });
        """), InMethod("""
                await ec2.RegisterImageAsync(new RegisterImageRequest
                {
                    Name = "web-2025",
                    RootDeviceName = "/dev/xvda",
                    ImdsSupport = ImdsSupportValues.V20,
                });
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Replaces_null_and_adds_initializer() => Verify.VerifyAsync(InMethod("""
                var first = {|IMDS104:new RegisterImageRequest|} { Name = "a", ImdsSupport = null };
                var second = {|IMDS104:new RegisterImageRequest("s3://bucket/manifest.xml")|};
        """), InMethod("""
                var first = new RegisterImageRequest { Name = "a", ImdsSupport = ImdsSupportValues.V20 };
                var second = new RegisterImageRequest("s3://bucket/manifest.xml") { ImdsSupport = ImdsSupportValues.V20 };
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Fix_all_across_documents()
    {
        var test = Verify.Create(InMethod("""
                    await ec2.RegisterImageAsync({|IMDS104:new RegisterImageRequest|} { Name = "a" });
            """), InMethod("""
                    await ec2.RegisterImageAsync(new RegisterImageRequest { Name = "a", ImdsSupport = ImdsSupportValues.V20 });
            """), TestLibraries.AwsSdk);
        test.TestState.Sources.Add(("Images.cs", """
            static class Images
            {
                static Amazon.EC2.Model.RegisterImageRequest Build() => {|IMDS104:new Amazon.EC2.Model.RegisterImageRequest()|};
            }
            """));
        test.FixedState.Sources.Add(("Images.cs", """
            static class Images
            {
                static Amazon.EC2.Model.RegisterImageRequest Build() => new Amazon.EC2.Model.RegisterImageRequest() { ImdsSupport = Amazon.EC2.ImdsSupportValues.V20 };
            }
            """));
        test.NumberOfFixAllIterations = 1;
        test.NumberOfFixAllInProjectIterations = 1;
        // In document scope, the second document needs its own pass.
        test.NumberOfFixAllInDocumentIterations = 2;
        return test.RunAsync();
    }
}
