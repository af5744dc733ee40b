using ImdsAnalyzers.Tests.Verifiers;
using static ImdsAnalyzers.Tests.LaunchSettings.SdkSource;
using Verify = ImdsAnalyzers.Tests.Verifiers.AnalyzerVerifier<ImdsAnalyzers.LaunchSettings.LaunchSettingsAnalyzer>;

namespace ImdsAnalyzers.Tests.LaunchSettings;

/// <summary>IMDS101 on RunInstancesRequest: reported unless something in the method sets HttpTokens.</summary>
public class RunInstancesAnalyzerTests
{
    [Fact]
    public Task Request_without_metadata_options_is_reported() => Verify.VerifyAsync(InMethod("""
                var request = {|IMDS101:new RunInstancesRequest|} { ImageId = imageId, MinCount = 1, MaxCount = 1 };
                await ec2.RunInstancesAsync(request);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Message_names_the_request_type() => Verify.VerifyAsync(InMethod("""
                await ec2.RunInstancesAsync(new RunInstancesRequest(imageId, 1, 1));
        """), TestLibraries.AwsSdk, Verify.Diagnostic(Descriptors.LaunchWithoutRequiredTokens).WithSpan(10, 37, 10, 75).WithArguments("RunInstancesRequest"));

    [Fact]
    public Task Request_without_initializer_is_reported() => Verify.VerifyAsync(InMethod("""
                var request = {|IMDS101:new RunInstancesRequest()|};
                request.ImageId = imageId;
                await ec2.RunInstancesAsync(request);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Target_typed_creation_is_reported_on_new() => Verify.VerifyAsync(InMethod("""
                RunInstancesRequest request = {|IMDS101:new()|} { ImageId = imageId };
                await ec2.RunInstancesAsync(request);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Request_passed_straight_to_the_client_is_reported() => Verify.VerifyAsync(InMethod("""
                await ec2.RunInstancesAsync({|IMDS101:new RunInstancesRequest|}
                {
                    ImageId = imageId,
                    InstanceType = InstanceType.T3Micro,
                });
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Metadata_options_without_http_tokens_count_as_missing() => Verify.VerifyAsync(InMethod("""
                var request = {|IMDS101:new RunInstancesRequest|}
                {
                    ImageId = imageId,
                    MetadataOptions = new InstanceMetadataOptionsRequest { HttpPutResponseHopLimit = 2, HttpEndpoint = InstanceMetadataEndpointState.Enabled },
                };
                await ec2.RunInstancesAsync(request);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Empty_target_typed_metadata_options_count_as_missing() => Verify.VerifyAsync(InMethod("""
                var request = {|IMDS101:new RunInstancesRequest|} { ImageId = imageId, MetadataOptions = new() };
                await ec2.RunInstancesAsync(request);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Null_metadata_options_count_as_missing() => Verify.VerifyAsync(InMethod("""
                var request = {|IMDS101:new RunInstancesRequest|} { ImageId = imageId, MetadataOptions = null };
                await ec2.RunInstancesAsync(request);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Null_http_tokens_count_as_missing() => Verify.VerifyAsync(InMethod("""
                var request = {|IMDS101:new RunInstancesRequest|} { ImageId = imageId };
                request.MetadataOptions = new InstanceMetadataOptionsRequest { HttpTokens = null };
                await ec2.RunInstancesAsync(request);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Later_metadata_options_without_http_tokens_are_reported() => Verify.VerifyAsync(InMethod("""
                var request = {|IMDS101:new RunInstancesRequest|} { ImageId = imageId };
                request.MetadataOptions = new InstanceMetadataOptionsRequest { HttpProtocolIpv6 = InstanceMetadataProtocolState.Enabled };
                await ec2.RunInstancesAsync(request);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Options_variable_without_http_tokens_is_reported() => Verify.VerifyAsync(InMethod("""
                var options = new InstanceMetadataOptionsRequest { HttpPutResponseHopLimit = 2 };
                var request = {|IMDS101:new RunInstancesRequest|} { ImageId = imageId, MetadataOptions = options };
                await ec2.RunInstancesAsync(request);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Nested_member_initializer_without_http_tokens_is_reported() => Verify.VerifyAsync(InMethod("""
                var request = {|IMDS101:new RunInstancesRequest|} { ImageId = imageId, MetadataOptions = { HttpPutResponseHopLimit = 2 } };
                await ec2.RunInstancesAsync(request);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Null_launch_template_is_no_template() => Verify.VerifyAsync(InMethod("""
                var request = {|IMDS101:new RunInstancesRequest|} { ImageId = imageId, LaunchTemplate = null };
                await ec2.RunInstancesAsync(request);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Field_initializer_is_reported() => Verify.VerifyAsync(InMethod("""
                await ec2.RunInstancesAsync(template);
        """, """
            private readonly RunInstancesRequest template = {|IMDS101:new RunInstancesRequest|} { ImageId = "ami-0abcdef1234567890" };
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Settings_in_another_method_do_not_count() => Verify.VerifyAsync(InMethod("""
                var request = {|IMDS101:new RunInstancesRequest|} { ImageId = imageId };
                Harden(request);
                await ec2.RunInstancesAsync(request);
        """, """
            static void Harden(RunInstancesRequest request) => request.MetadataOptions = new InstanceMetadataOptionsRequest { HttpTokens = HttpTokensState.Required };
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Each_request_is_judged_on_its_own() => Verify.VerifyAsync(InMethod("""
                var safe = new RunInstancesRequest { ImageId = imageId };
                var unsafeRequest = {|IMDS101:new RunInstancesRequest|} { ImageId = imageId };
                safe.MetadataOptions = new InstanceMetadataOptionsRequest { HttpTokens = HttpTokensState.Required };
                unsafeRequest.MetadataOptions = new InstanceMetadataOptionsRequest { HttpPutResponseHopLimit = 1 };
                await ec2.RunInstancesAsync(safe);
                await ec2.RunInstancesAsync(unsafeRequest);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Required_tokens_in_initializer() => Verify.VerifyAsync(InMethod("""
                var request = new RunInstancesRequest
                {
                    ImageId = imageId,
                    MetadataOptions = new InstanceMetadataOptionsRequest { HttpTokens = HttpTokensState.Required },
                };
                await ec2.RunInstancesAsync(request);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Required_tokens_as_string() => Verify.VerifyAsync(InMethod("""
                var request = new RunInstancesRequest { ImageId = imageId, MetadataOptions = new() { HttpTokens = "required" } };
                await ec2.RunInstancesAsync(request);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Required_tokens_in_nested_member_initializer() => Verify.VerifyAsync(InMethod("""
                var request = new RunInstancesRequest { ImageId = imageId, MetadataOptions = { HttpTokens = HttpTokensState.Required } };
                await ec2.RunInstancesAsync(request);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Later_metadata_options_assignment() => Verify.VerifyAsync(InMethod("""
                var request = new RunInstancesRequest { ImageId = imageId };
                request.MetadataOptions = new InstanceMetadataOptionsRequest { HttpTokens = HttpTokensState.Required };
                await ec2.RunInstancesAsync(request);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Later_http_tokens_assignment() => Verify.VerifyAsync(InMethod("""
                var request = new RunInstancesRequest { ImageId = imageId, MetadataOptions = new InstanceMetadataOptionsRequest() };
                request.MetadataOptions.HttpTokens = HttpTokensState.Required;
                await ec2.RunInstancesAsync(request);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Options_variable_completed_later() => Verify.VerifyAsync(InMethod("""
                var options = new InstanceMetadataOptionsRequest();
                var request = new RunInstancesRequest { ImageId = imageId, MetadataOptions = options };
                options.HttpTokens = HttpTokensState.Required;
                await ec2.RunInstancesAsync(request);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Request_copied_to_another_variable() => Verify.VerifyAsync(InMethod("""
                var request = new RunInstancesRequest { ImageId = imageId, MetadataOptions = new InstanceMetadataOptionsRequest() };
                var same = request;
                same.MetadataOptions.HttpTokens = HttpTokensState.Required;
                await ec2.RunInstancesAsync(request);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Request_held_in_a_field() => Verify.VerifyAsync(InMethod("""
                pending = new RunInstancesRequest { ImageId = imageId };
                this.pending.MetadataOptions = new InstanceMetadataOptionsRequest { HttpTokens = HttpTokensState.Required };
                await ec2.RunInstancesAsync(pending);
        """, """
            private RunInstancesRequest pending;
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Request_built_inside_a_lambda() => Verify.VerifyAsync(InMethod("""
                System.Func<string, RunInstancesRequest> build = image =>
                {
                    var request = new RunInstancesRequest { ImageId = image };
                    request.MetadataOptions = new InstanceMetadataOptionsRequest { HttpTokens = HttpTokensState.Required };
                    return request;
                };
                await ec2.RunInstancesAsync(build(imageId));
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Launch_template_in_initializer() => Verify.VerifyAsync(InMethod("""
                var request = new RunInstancesRequest
                {
                    LaunchTemplate = new LaunchTemplateSpecification { LaunchTemplateName = "web", Version = "$Latest" },
                    MinCount = 1,
                    MaxCount = 1,
                };
                await ec2.RunInstancesAsync(request);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Launch_template_assigned_later() => Verify.VerifyAsync(InMethod("""
                var request = new RunInstancesRequest { MinCount = 1, MaxCount = 1 };
                request.LaunchTemplate = new LaunchTemplateSpecification { LaunchTemplateId = "lt-0123456789abcdef0" };
                await ec2.RunInstancesAsync(request);
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Options_from_a_helper_are_not_guessed() => Verify.VerifyAsync(InMethod("""
                var request = new RunInstancesRequest { ImageId = imageId, MetadataOptions = Options() };
                await ec2.RunInstancesAsync(request);
        """, """
            static InstanceMetadataOptionsRequest Options() => new InstanceMetadataOptionsRequest { HttpTokens = HttpTokensState.Required };
        """), TestLibraries.AwsSdk);

    [Fact]
    public Task Tokens_from_a_parameter_are_not_guessed() => Verify.VerifyAsync("""
        using Amazon.EC2;
        using Amazon.EC2.Model;

        class Launcher
        {
            RunInstancesRequest Build(HttpTokensState tokens) =>
                new RunInstancesRequest { ImageId = "ami-1", MetadataOptions = new InstanceMetadataOptionsRequest { HttpTokens = tokens } };
        }
        """, TestLibraries.AwsSdk);

    [Fact]
    public Task Optional_tokens_are_left_to_IMDS102() => Verify.VerifyAsync(InMethod("""
                var request = new RunInstancesRequest
                {
                    ImageId = imageId,
                    MetadataOptions = new InstanceMetadataOptionsRequest { {|IMDS102:HttpTokens = HttpTokensState.Optional|} },
                };
                await ec2.RunInstancesAsync(request);
        """), TestLibraries.AwsSdk);
}
