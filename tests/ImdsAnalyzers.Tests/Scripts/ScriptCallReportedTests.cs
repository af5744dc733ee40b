using Verify = ImdsAnalyzers.Tests.Verifiers.AnalyzerVerifier<ImdsAnalyzers.Scripts.ScriptMetadataCallAnalyzer>;

namespace ImdsAnalyzers.Tests.Scripts;

/// <summary>Script calls IMDS003 reports; [| |] marks the line each diagnostic must cover.</summary>
public class ScriptCallReportedTests
{
    [Theory]
    [InlineData("#!/bin/bash\n[|curl http://169.254.169.254/latest/meta-data/instance-id|]\n")]
    [InlineData("[|curl -s http://169.254.169.254/latest/meta-data/|]")]
    [InlineData("[|wget -q -O - http://169.254.169.254/latest/meta-data/instance-id|]")]
    [InlineData("[|wget -qO- http://169.254.169.254/latest/user-data|]")]
    [InlineData("[|curl http://169.254.169.254:80/latest/meta-data/instance-id|]")]
    [InlineData("[|curl http://[fd00:ec2::254]/latest/meta-data/instance-id|]")]
    [InlineData("[|curl http://[FD00:EC2::254]/latest/meta-data/instance-id|]")]
    [InlineData("[|curl http://169.254.169.254/2016-09-02/meta-data/instance-id|]")]
    [InlineData("[|curl http://169.254.169.254/|]")]
    [InlineData("[|curl http://169.254.169.254|]")]
    [InlineData("[|curl 169.254.169.254/latest/meta-data/|]")]
    [InlineData("[|curl -H \"Metadata: true\" http://169.254.169.254/latest/meta-data/iam/security-credentials/|]")]
    [InlineData("[|curl -H \"X-aws-ec2-metadata-token-ttl-seconds: 21600\" http://169.254.169.254/latest/meta-data/|]")]
    [InlineData("[|wget --header=\"X-aws-ec2-metadata-token-ttl-seconds: 60\" -qO- http://169.254.169.254/latest/meta-data/|]")]
    public Task Plain_calls_are_reported(string script) => Verify.VerifyAsync(ScriptTestCode.InVerbatimConstant(script));

    [Theory]
    [InlineData("[|INSTANCE_ID=$(curl -s http://169.254.169.254/latest/meta-data/instance-id)|]")]
    [InlineData("[|AZ=`curl -s http://169.254.169.254/latest/meta-data/placement/availability-zone`|]")]
    [InlineData("[|echo \"<h1>$(curl http://169.254.169.254/latest/meta-data/local-ipv4)</h1>\" > /var/www/html/index.html|]")]
    [InlineData("[|REGION=$(curl -s http://169.254.169.254/latest/dynamic/instance-identity/document | jq -r .region)|]")]
    [InlineData("[|aws s3 cp s3://bucket/app.zip . --region $(curl -s http://169.254.169.254/latest/meta-data/placement/region)|]")]
    [InlineData("[|sudo /usr/bin/curl http://169.254.169.254/latest/meta-data/|]")]
    [InlineData("[|if curl -sf http://169.254.169.254/latest/meta-data/; then echo on-ec2; fi|]")]
    [InlineData("[|for p in instance-id local-ipv4; do curl http://169.254.169.254/latest/meta-data/$p; done|]")]
    [InlineData("[|curl http://169.254.169.254/latest/meta-data/instance-id # the id|]")]
    [InlineData("[|bash -c \"curl http://169.254.169.254/latest/meta-data/instance-id\"|]")]
    [InlineData("yum install -y curl\n[|ID=$(curl http://169.254.169.254/latest/meta-data/instance-id)|]")]
    public Task Calls_inside_shell_constructs_are_reported(string script) => Verify.VerifyAsync(ScriptTestCode.InVerbatimConstant(script));

    [Theory]
    [InlineData("<powershell>\n[|$id = Invoke-RestMethod -Uri http://169.254.169.254/latest/meta-data/instance-id|]\n</powershell>")]
    [InlineData("[|Invoke-WebRequest -Uri http://169.254.169.254/latest/meta-data/instance-id -UseBasicParsing|]")]
    [InlineData("[|$id = irm http://169.254.169.254/latest/meta-data/instance-id|]")]
    [InlineData("[|iwr http://169.254.169.254/latest/user-data -UseBasicParsing|]")]
    [InlineData("[|$az = (Invoke-WebRequest -Uri \"http://169.254.169.254/latest/meta-data/placement/availability-zone\" -UseBasicParsing).Content|]")]
    [InlineData("[|Rename-Computer -NewName (irm http://169.254.169.254/latest/meta-data/local-hostname)|]")]
    [InlineData("[|invoke-restmethod http://169.254.169.254/latest/meta-data/|]")]
    [InlineData("$env:X = 1\n[|curl.exe -s http://169.254.169.254/latest/meta-data/instance-id|]")]
    [InlineData("[|1..3 | ForEach-Object { Invoke-RestMethod http://169.254.169.254/latest/meta-data/ }|]")]
    [InlineData("[|Invoke-RestMethod -Uri http://169.254.169.254/latest/meta-data/ -Headers @{\"X-aws-ec2-metadata-token-ttl-seconds\" = \"60\"}|]")]
    public Task PowerShell_calls_are_reported(string script) => Verify.VerifyAsync(ScriptTestCode.InVerbatimConstant(script));

    [Fact]
    public Task A_call_continued_over_lines_is_reported_on_all_its_lines() =>
        Verify.VerifyAsync(ScriptTestCode.InVerbatimConstant("#!/bin/bash\n[|curl -s \\\n  http://169.254.169.254/latest/meta-data/instance-id|]\necho done"));

    [Fact]
    public Task A_PowerShell_call_continued_with_backticks_is_reported_on_all_its_lines() =>
        Verify.VerifyAsync(ScriptTestCode.InVerbatimConstant("[|Invoke-RestMethod `\n  -Uri http://169.254.169.254/latest/meta-data/instance-id|]"));

    [Fact]
    public Task A_fetched_token_that_a_call_does_not_send_does_not_help_it() =>
        Verify.VerifyAsync(ScriptTestCode.InVerbatimConstant(
            "TOKEN=$(curl -s -X PUT http://169.254.169.254/latest/api/token -H \"X-aws-ec2-metadata-token-ttl-seconds: 21600\")\n" +
            "[|curl -s http://169.254.169.254/latest/meta-data/instance-id|]"));

    [Fact]
    public Task Only_the_tokenless_one_of_two_calls_on_a_line_is_reported() =>
        Verify.VerifyAsync(ScriptTestCode.InVerbatimConstant(
            "[|A=$(curl http://169.254.169.254/latest/meta-data/ami-id); B=$(curl -H \"X-aws-ec2-metadata-token: $T\" http://169.254.169.254/latest/meta-data/instance-id)|]"));

    [Fact]
    public Task Two_tokenless_calls_on_one_line_are_two_diagnostics() =>
        Verify.VerifyAsync(
            ScriptTestCode.InVerbatimConstant("{|#0:A=$(curl http://169.254.169.254/latest/meta-data/ami-id); B=$(wget -qO- http://169.254.169.254/latest/meta-data/instance-id)|}"),
            expected: [Verify.Diagnostic("IMDS003").WithLocation(0).WithArguments("curl"), Verify.Diagnostic("IMDS003").WithLocation(0).WithArguments("wget")]);

    [Fact]
    public Task A_token_request_chained_with_a_tokenless_call_still_reports_the_call() =>
        Verify.VerifyAsync(ScriptTestCode.InVerbatimConstant(
            "[|curl -X PUT http://169.254.169.254/latest/api/token -H \"X-aws-ec2-metadata-token-ttl-seconds: 60\" && curl http://169.254.169.254/latest/meta-data/|]"));

    [Fact]
    public Task A_heredoc_that_writes_a_script_is_read_too() =>
        Verify.VerifyAsync(ScriptTestCode.InVerbatimConstant(
            "cat > /opt/id.sh <<'EOF'\n#!/bin/sh\n[|curl http://169.254.169.254/latest/meta-data/instance-id|]\nEOF\nchmod +x /opt/id.sh"));

    [Fact]
    public Task The_message_names_the_command_as_written() =>
        Verify.VerifyAsync(
            ScriptTestCode.InVerbatimConstant("{|#0:Invoke-WebRequest -Uri http://169.254.169.254/latest/meta-data/ -UseBasicParsing|}\n{|#1:wget -qO- http://169.254.169.254/latest/meta-data/|}"),
            expected: [Verify.Diagnostic("IMDS003").WithLocation(0).WithArguments("Invoke-WebRequest"), Verify.Diagnostic("IMDS003").WithLocation(1).WithArguments("wget")]);

    [Fact]
    public async Task The_diagnostic_is_a_warning_with_a_help_link_to_its_page()
    {
        var descriptor = new ImdsAnalyzers.Scripts.ScriptMetadataCallAnalyzer().SupportedDiagnostics.Single();
        Assert.Equal("IMDS003", descriptor.Id);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
        Assert.EndsWith("docs/rules/IMDS003.md", descriptor.HelpLinkUri, StringComparison.Ordinal);
        await Verify.VerifyAsync(ScriptTestCode.InVerbatimConstant("[|curl http://169.254.169.254/latest/meta-data/|]"));
    }

    [Fact]
    public Task A_pragma_around_the_literal_suppresses_it()
    {
        var test = Verify.Create("""
            class C
            {
            #pragma warning disable IMDS003 // runs outside EC2
                string Suppressed = "curl http://169.254.169.254/latest/meta-data/instance-id";
            #pragma warning restore IMDS003
                string Reported = "[|curl http://169.254.169.254/latest/meta-data/instance-id|]";
            }
            """);

        // The framework's own check wraps the file in '#pragma warning disable'; the restore here would defeat it.
        test.TestBehaviors |= Microsoft.CodeAnalysis.Testing.TestBehaviors.SkipSuppressionCheck;
        return test.RunAsync();
    }
}
