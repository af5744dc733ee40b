using Verify = ImdsAnalyzers.Tests.Verifiers.AnalyzerVerifier<ImdsAnalyzers.Scripts.ScriptMetadataCallAnalyzer>;

namespace ImdsAnalyzers.Tests.Scripts;

/// <summary>Scripts and strings IMDS003 must leave alone.</summary>
public class ScriptCallNotReportedTests
{
    [Theory]
    [InlineData("curl -H \"X-aws-ec2-metadata-token: $TOKEN\" http://169.254.169.254/latest/meta-data/instance-id")]
    [InlineData("curl --header \"X-aws-ec2-metadata-token: $TOKEN\" http://169.254.169.254/latest/meta-data/instance-id")]
    [InlineData("curl -H X-aws-ec2-metadata-token:$TOKEN http://169.254.169.254/latest/meta-data/instance-id")]
    [InlineData("curl -s http://169.254.169.254/latest/meta-data/instance-id -H \"x-aws-ec2-metadata-token: ${TOKEN}\"")]
    [InlineData("wget --header=\"X-aws-ec2-metadata-token: $TOKEN\" -qO- http://169.254.169.254/latest/meta-data/instance-id")]
    [InlineData("wget --header \"X-aws-ec2-metadata-token: $TOKEN\" -qO- http://[fd00:ec2::254]/latest/meta-data/instance-id")]
    [InlineData("ID=$(curl -s -H \"X-aws-ec2-metadata-token: $TOKEN\" http://169.254.169.254/latest/meta-data/instance-id)")]
    [InlineData("curl -H \"X-aws-ec2-metadata-token: $(curl -s -X PUT http://169.254.169.254/latest/api/token -H 'X-aws-ec2-metadata-token-ttl-seconds: 60')\" http://169.254.169.254/latest/meta-data/")]
    [InlineData("curl -H \"X-aws-ec2-metadata-token: $TOKEN\" \\\n  http://169.254.169.254/latest/meta-data/instance-id")]
    public Task Shell_calls_that_send_the_token_header(string script) => Verify.VerifyAsync(ScriptTestCode.InVerbatimConstant(script));

    [Theory]
    [InlineData("Invoke-RestMethod -Headers @{\"X-aws-ec2-metadata-token\" = $token} -Uri http://169.254.169.254/latest/meta-data/instance-id")]
    [InlineData("$id = Invoke-RestMethod -Uri http://169.254.169.254/latest/meta-data/instance-id -Headers @{'x-aws-ec2-metadata-token'=$token}")]
    [InlineData("$id = (Invoke-WebRequest -Uri http://169.254.169.254/latest/meta-data/instance-id -Headers @{\"X-aws-ec2-metadata-token\" = $token; \"Accept\" = \"text/plain\"} -UseBasicParsing).Content")]
    [InlineData("$id = Invoke-RestMethod -Uri http://169.254.169.254/latest/meta-data/instance-id -Headers @{\n    \"X-aws-ec2-metadata-token\" = $token\n}")]
    [InlineData("$headers = @{\"X-aws-ec2-metadata-token\" = $token}\nInvoke-RestMethod -Headers $headers -Uri http://169.254.169.254/latest/meta-data/instance-id")]
    public Task PowerShell_calls_that_send_the_token_header(string script) => Verify.VerifyAsync(ScriptTestCode.InVerbatimConstant(script));

    [Theory]
    [InlineData("TOKEN=$(curl -s -X PUT http://169.254.169.254/latest/api/token -H \"X-aws-ec2-metadata-token-ttl-seconds: 21600\")")]
    [InlineData("TOKEN=`curl -X PUT \"http://169.254.169.254/latest/api/token\" -H \"X-aws-ec2-metadata-token-ttl-seconds: 21600\"`")]
    [InlineData("$token = Invoke-RestMethod -Method PUT -Uri http://169.254.169.254/latest/api/token -Headers @{\"X-aws-ec2-metadata-token-ttl-seconds\" = \"21600\"}")]
    [InlineData("TOKEN=$(wget -q -O - --method=PUT --header=\"X-aws-ec2-metadata-token-ttl-seconds: 300\" http://[fd00:ec2::254]/latest/api/token)")]
    public Task The_token_request_itself(string script) => Verify.VerifyAsync(ScriptTestCode.InVerbatimConstant(script));

    [Fact]
    public Task A_bash_script_that_fetches_a_token_and_passes_it() =>
        Verify.VerifyAsync(ScriptTestCode.InVerbatimConstant("""
            #!/bin/bash
            TOKEN=$(curl -s -X PUT http://169.254.169.254/latest/api/token -H "X-aws-ec2-metadata-token-ttl-seconds: 21600")
            INSTANCE_ID=$(curl -s -H "X-aws-ec2-metadata-token: $TOKEN" http://169.254.169.254/latest/meta-data/instance-id)
            AZ=$(curl -s -H "X-aws-ec2-metadata-token: $TOKEN" http://169.254.169.254/latest/meta-data/placement/availability-zone)
            HDR="X-aws-ec2-metadata-token: $TOKEN"
            curl -s -H "$HDR" http://169.254.169.254/latest/meta-data/local-ipv4
            """));

    [Fact]
    public Task A_PowerShell_script_that_fetches_a_token_and_passes_it() =>
        Verify.VerifyAsync(ScriptTestCode.InVerbatimConstant("""
            <powershell>
            $token = Invoke-RestMethod -Method PUT -Uri http://169.254.169.254/latest/api/token -Headers @{"X-aws-ec2-metadata-token-ttl-seconds" = "21600"}
            $id = Invoke-RestMethod -Uri http://169.254.169.254/latest/meta-data/instance-id -Headers @{"X-aws-ec2-metadata-token" = $token}
            </powershell>
            """));

    [Theory]
    [InlineData("curl -H Metadata:true \"http://169.254.169.254/metadata/instance?api-version=2021-02-01\"")]
    [InlineData("Invoke-RestMethod -Headers @{\"Metadata\"=\"true\"} -Uri \"http://169.254.169.254/metadata/instance?api-version=2021-02-01\"")]
    [InlineData("curl -H \"Metadata-Flavor: Google\" http://169.254.169.254/computeMetadata/v1/instance/id")]
    [InlineData("curl http://169.254.169.254/openstack/latest/meta_data.json")]
    [InlineData("curl http://169.254.170.2/v2/metadata")]
    [InlineData("curl http://169.254.169.254:8080/latest/meta-data/")]
    [InlineData("curl http://169.254.169.254.nip.io/latest/meta-data/")]
    [InlineData("curl https://example.com/169.254.169.254/latest/meta-data/")]
    public Task Other_services_and_other_hosts(string script) => Verify.VerifyAsync(ScriptTestCode.InVerbatimConstant(script));

    [Theory]
    [InlineData("echo \"Instance metadata lives at http://169.254.169.254/latest/meta-data/\"")]
    [InlineData("Write-Host \"Calling curl http://169.254.169.254/latest/meta-data/ is not allowed\"")]
    [InlineData("logger 'curl http://169.254.169.254/latest/meta-data/ was blocked'")]
    [InlineData("# curl http://169.254.169.254/latest/meta-data/instance-id")]
    [InlineData("echo ok # curl http://169.254.169.254/latest/meta-data/instance-id")]
    [InlineData("<# Invoke-RestMethod http://169.254.169.254/latest/meta-data/ #>\nWrite-Host done")]
    [InlineData("<#\nInvoke-RestMethod http://169.254.169.254/latest/meta-data/\n#>\nWrite-Host done")]
    [InlineData("curl --noproxy 169.254.169.254 https://example.com/health")]
    [InlineData("NO_PROXY=169.254.169.254 curl https://example.com/health")]
    [InlineData("iptables -A OUTPUT -d 169.254.169.254 -j DROP")]
    [InlineData("yum install -y curl wget\necho http://169.254.169.254/latest/meta-data/")]
    public Task Mentions_that_are_not_calls(string script) => Verify.VerifyAsync(ScriptTestCode.InVerbatimConstant(script));

    [Fact]
    public Task CSharp_strings_that_are_not_scripts() =>
        Verify.VerifyAsync("""
            using System;
            class C
            {
                const string Endpoint = "http://169.254.169.254/latest/meta-data/";
                static readonly string[] Blocked = { "169.254.169.254", "fd00:ec2::254" };
                void M(Exception e)
                {
                    Console.WriteLine("Could not reach http://169.254.169.254/latest/meta-data/instance-id: " + e.Message);
                    Console.WriteLine($"curl failed for {e.Message}");
                    var url = new Uri("http://169.254.169.254/latest/meta-data/");
                }
            }
            """);

    [Fact]
    public Task A_curl_command_whose_url_comes_from_elsewhere_is_not_guessed_at() =>
        Verify.VerifyAsync("""
            class C
            {
                string M(string url) => "curl -s " + url;
                string N(string url) => $"curl -s {url}";
            }
            """);
}
