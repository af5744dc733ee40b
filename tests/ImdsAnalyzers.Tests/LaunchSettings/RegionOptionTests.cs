using ImdsAnalyzers.Tests.Verifiers;
using static ImdsAnalyzers.Tests.LaunchSettings.SdkSource;
using Verify = ImdsAnalyzers.Tests.Verifiers.AnalyzerVerifier<ImdsAnalyzers.LaunchSettings.LaunchSettingsAnalyzer>;

namespace ImdsAnalyzers.Tests.LaunchSettings;

/// <summary>imds_analyzers.region_enforces_imdsv2: IMDS101 off, IMDS102 and IMDS104 still on.</summary>
public class RegionOptionTests
{
    private static readonly string Launches = InMethod("""
                await ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = imageId });
                await ec2.CreateLaunchTemplateAsync(new CreateLaunchTemplateRequest { LaunchTemplateName = "web", LaunchTemplateData = new RequestLaunchTemplateData { ImageId = imageId } });
                await ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = imageId, MetadataOptions = new() { {|IMDS102:HttpTokens = HttpTokensState.Optional|} } });
                await ec2.RegisterImageAsync({|IMDS104:new RegisterImageRequest|} { Name = "web" });
        """);

    private static readonly string LaunchesReported = Launches
        .Replace("new RunInstancesRequest { ImageId = imageId }", "{|IMDS101:new RunInstancesRequest|} { ImageId = imageId }")
        .Replace("new RequestLaunchTemplateData { ImageId", "{|IMDS101:new RequestLaunchTemplateData|} { ImageId");

    private static Task VerifyWithConfig(string source, string path, string config)
    {
        var test = Verify.Create(source, TestLibraries.AwsSdk);
        test.TestState.AnalyzerConfigFiles.Add((path, config));
        return test.RunAsync();
    }

    [Fact]
    public Task Editorconfig_turns_off_missing_token_reports_only() =>
        VerifyWithConfig(Launches, "/.editorconfig", "root = true\n\n[*.cs]\nimds_analyzers.region_enforces_imdsv2 = true\n");

    [Fact]
    public Task Global_config_works_too() =>
        VerifyWithConfig(Launches, "/.globalconfig", "is_global = true\nimds_analyzers.region_enforces_imdsv2 = True\n");

    [Fact]
    public Task False_keeps_reports() =>
        VerifyWithConfig(LaunchesReported, "/.editorconfig", "root = true\n\n[*.cs]\nimds_analyzers.region_enforces_imdsv2 = false\n");

    [Fact]
    public Task Option_for_other_files_does_not_apply() =>
        VerifyWithConfig(LaunchesReported, "/.editorconfig", "root = true\n\n[Infrastructure/**.cs]\nimds_analyzers.region_enforces_imdsv2 = true\n");
}
