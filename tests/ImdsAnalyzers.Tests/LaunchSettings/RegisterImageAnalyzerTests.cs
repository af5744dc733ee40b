using ImdsAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using static ImdsAnalyzers.Tests.LaunchSettings.SdkSource;
using Verify = ImdsAnalyzers.Tests.Verifiers.AnalyzerVerifier<ImdsAnalyzers.LaunchSettings.LaunchSettingsAnalyzer>;

namespace ImdsAnalyzers.Tests.LaunchSettings;

/// <summary>IMDS104 (info): AMIs registered without ImdsSupport = v2.0.</summary>
public class RegisterImageAnalyzerTests
{
    [Fact]
    public Task Image_without_imds_support_is_reported_as_info() => Verify.VerifyAsync(InMethod("""
                await ec2.RegisterImageAsync(new RegisterImageRequest { Name = "web-2025", RootDeviceName = "/dev/xvda" });
        """), TestLibraries.AwsSdk, Verify.Diagnostic(Descriptors.ImageWithoutImdsV2Support).WithSeverity(DiagnosticSeverity.Info).WithSpan(10, 38, 10, 62).WithArguments("RegisterImageRequest"));

    [Fact]
    public Task Image_with_null_imds_support_is_reported() => Verify.VerifyAsync(InMethod("""
                var request = {|IMDS104:new RegisterImageRequest("s3://bucket/manifest.xml")|} { ImdsSupport = null };
                await ec2.RegisterImageAsync(request);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Image_with_v2_support_in_initializer() => Verify.VerifyAsync(InMethod("""
                await ec2.RegisterImageAsync(new RegisterImageRequest { Name = "web-2025", ImdsSupport = ImdsSupportValues.V20 });
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Image_with_v2_support_as_string_set_later() => Verify.VerifyAsync(InMethod("""
                var request = new RegisterImageRequest("s3://bucket/manifest.xml");
                request.ImdsSupport = "v2.0";
                await ec2.RegisterImageAsync(request);
        """), TestLibraries.AwsSdk);
}
