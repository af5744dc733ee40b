using ImdsAnalyzers.Tests.Verifiers;
using static ImdsAnalyzers.Tests.LaunchSettings.SdkSource;
using Verify = ImdsAnalyzers.Tests.Verifiers.CodeFixVerifier<ImdsAnalyzers.LaunchSettings.LaunchSettingsAnalyzer, ImdsAnalyzers.CodeFixes.LaunchSettings.LaunchSettingsCodeFixProvider>;

namespace ImdsAnalyzers.Tests.LaunchSettings;

/// <summary>IMDS101 fix: MetadataOptions with HttpTokens = Required, merged into what the method already sets.</summary>
public class RunInstancesCodeFixTests
{
    [Fact]
    public Task Appends_metadata_options_keeping_other_settings() => Verify.VerifyAsync(InMethod("""
                var request = {|IMDS101:new RunInstancesRequest|}
                {
                    ImageId = imageId,
                    MinCount = 1
                };
                await ec2.RunInstancesAsync(request);
        """), InMethod("""
                var request = new RunInstancesRequest
                {
                    ImageId = imageId,
                    MinCount = 1,
                    MetadataOptions = new InstanceMetadataOptionsRequest { HttpTokens = HttpTokensState.Required }
                };
                await ec2.RunInstancesAsync(request);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Adds_an_initializer_to_a_constructor_call() => Verify.VerifyAsync(InMethod("""
                var request = {|IMDS101:new RunInstancesRequest(imageId, 1, 1)|};
                await ec2.RunInstancesAsync(request);
        """), InMethod("""
                var request = new RunInstancesRequest(imageId, 1, 1) { MetadataOptions = new InstanceMetadataOptionsRequest { HttpTokens = HttpTokensState.Required } };
                await ec2.RunInstancesAsync(request);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Adds_an_initializer_to_target_typed_new() => Verify.VerifyAsync(InMethod("""
                RunInstancesRequest request = {|IMDS101:new()|};
                await ec2.RunInstancesAsync(request);
        """), InMethod("""
                RunInstancesRequest request = new() { MetadataOptions = new InstanceMetadataOptionsRequest { HttpTokens = HttpTokensState.Required } };
                await ec2.RunInstancesAsync(request);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Completes_existing_options_keeping_trailing_comma_and_comments() => Verify.VerifyAsync(InMethod("""
                var request = {|IMDS101:new RunInstancesRequest|}
                {
                    ImageId = imageId, // golden image
                    MetadataOptions = new InstanceMetadataOptionsRequest
                    {
                        HttpPutResponseHopLimit = 2, // containers need two hops
                    },
                };
                await ec2.RunInstancesAsync(request);
        """), InMethod("""
                var request = new RunInstancesRequest
                {
                    ImageId = imageId, // golden image
                    MetadataOptions = new InstanceMetadataOptionsRequest
                    {
                        HttpPutResponseHopLimit = 2, // containers need two hops
                        HttpTokens = HttpTokensState.Required,
                    },
                };
                await ec2.RunInstancesAsync(request);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Completes_empty_target_typed_options() => Verify.VerifyAsync(InMethod("""
                var request = {|IMDS101:new RunInstancesRequest|} { ImageId = imageId, MetadataOptions = new() };
                await ec2.RunInstancesAsync(request);
        """), InMethod("""
                var request = new RunInstancesRequest { ImageId = imageId, MetadataOptions = new() { HttpTokens = HttpTokensState.Required } };
                await ec2.RunInstancesAsync(request);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Replaces_null_options() => Verify.VerifyAsync(InMethod("""
                var request = {|IMDS101:new RunInstancesRequest|} { ImageId = imageId, MetadataOptions = null };
                await ec2.RunInstancesAsync(request);
        """), InMethod("""
                var request = new RunInstancesRequest { ImageId = imageId, MetadataOptions = new InstanceMetadataOptionsRequest { HttpTokens = HttpTokensState.Required } };
                await ec2.RunInstancesAsync(request);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Replaces_null_http_tokens() => Verify.VerifyAsync(InMethod("""
                var request = {|IMDS101:new RunInstancesRequest|} { ImageId = imageId, MetadataOptions = new InstanceMetadataOptionsRequest { HttpTokens = null } };
                await ec2.RunInstancesAsync(request);
        """), InMethod("""
                var request = new RunInstancesRequest { ImageId = imageId, MetadataOptions = new InstanceMetadataOptionsRequest { HttpTokens = HttpTokensState.Required } };
                await ec2.RunInstancesAsync(request);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Completes_options_assigned_later_instead_of_adding_options_they_would_replace() => Verify.VerifyAsync(InMethod("""
                var request = {|IMDS101:new RunInstancesRequest()|};
                request.ImageId = imageId;
                request.MetadataOptions = new InstanceMetadataOptionsRequest { HttpPutResponseHopLimit = 2 };
                await ec2.RunInstancesAsync(request);
        """), InMethod("""
                var request = new RunInstancesRequest();
                request.ImageId = imageId;
                request.MetadataOptions = new InstanceMetadataOptionsRequest { HttpPutResponseHopLimit = 2, HttpTokens = HttpTokensState.Required };
                await ec2.RunInstancesAsync(request);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Completes_options_held_in_a_variable() => Verify.VerifyAsync(InMethod("""
                var options = new InstanceMetadataOptionsRequest();
                var request = {|IMDS101:new RunInstancesRequest|} { ImageId = imageId, MetadataOptions = options };
                await ec2.RunInstancesAsync(request);
        """), InMethod("""
                var options = new InstanceMetadataOptionsRequest() { HttpTokens = HttpTokensState.Required };
                var request = new RunInstancesRequest { ImageId = imageId, MetadataOptions = options };
                await ec2.RunInstancesAsync(request);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Completes_nested_member_initializer() => Verify.VerifyAsync(InMethod("""
                var request = {|IMDS101:new RunInstancesRequest|} { ImageId = imageId, MetadataOptions = { HttpPutResponseHopLimit = 2 } };
                await ec2.RunInstancesAsync(request);
        """), InMethod("""
                var request = new RunInstancesRequest { ImageId = imageId, MetadataOptions = { HttpPutResponseHopLimit = 2, HttpTokens = HttpTokensState.Required } };
                await ec2.RunInstancesAsync(request);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Qualifies_names_when_the_file_lacks_the_sdk_usings() => Verify.VerifyAsync("""
        class Launcher
        {
            Amazon.EC2.Model.RunInstancesRequest Build() => {|IMDS101:new Amazon.EC2.Model.RunInstancesRequest|} { ImageId = "ami-1" };
        }
        """, """
        class Launcher
        {
            Amazon.EC2.Model.RunInstancesRequest Build() => new Amazon.EC2.Model.RunInstancesRequest { ImageId = "ami-1", MetadataOptions = new Amazon.EC2.Model.InstanceMetadataOptionsRequest { HttpTokens = Amazon.EC2.HttpTokensState.Required } };
        }
        """, TestLibraries.AwsSdk);

    [Fact]
    public Task Fix_all_fixes_every_request_in_one_pass()
    {
        var test = Verify.Create(InMethod("""
                    var first = {|IMDS101:new RunInstancesRequest|} { ImageId = imageId };
                    var second = {|IMDS101:new RunInstancesRequest(imageId, 1, 1)|};
                    await ec2.RunInstancesAsync(first);
                    await ec2.RunInstancesAsync(second);
            """), InMethod("""
                    var first = new RunInstancesRequest { ImageId = imageId, MetadataOptions = new InstanceMetadataOptionsRequest { HttpTokens = HttpTokensState.Required } };
                    var second = new RunInstancesRequest(imageId, 1, 1) { MetadataOptions = new InstanceMetadataOptionsRequest { HttpTokens = HttpTokensState.Required } };
                    await ec2.RunInstancesAsync(first);
                    await ec2.RunInstancesAsync(second);
            """), TestLibraries.AwsSdk);
        test.TestState.Sources.Add(("Other.cs", """
            using Amazon.EC2.Model;

            static class Other
            {
                static RunInstancesRequest Build() => {|IMDS101:new RunInstancesRequest|} { ImageId = "ami-2" };
            }
            """));
        test.FixedState.Sources.Add(("Other.cs", """
            using Amazon.EC2.Model;

            static class Other
            {
                static RunInstancesRequest Build() => new RunInstancesRequest { ImageId = "ami-2", MetadataOptions = new InstanceMetadataOptionsRequest { HttpTokens = Amazon.EC2.HttpTokensState.Required } };
            }
            """));
        test.NumberOfFixAllIterations = 1;
        // In document scope, the second document needs its own pass.
        test.NumberOfFixAllInDocumentIterations = 2;
        test.NumberOfFixAllInProjectIterations = 1;
        return test.RunAsync();
    }
}
