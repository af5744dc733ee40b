using Microsoft.CodeAnalysis.Testing;
using Verify = ImdsAnalyzers.Tests.Verifiers.CodeFixVerifier<ImdsAnalyzers.Scripts.ScriptMetadataCallAnalyzer, ImdsAnalyzers.CodeFixes.Scripts.ScriptMetadataCallCodeFixProvider>;

namespace ImdsAnalyzers.Tests.Scripts;

/// <summary>
/// Fix All: a script with several calls gets exactly one token fetch, in one pass. The verifier
/// also applies the fixes one at a time and expects the same result.
/// </summary>
public class ScriptFixAllTests
{
    [Fact]
    public Task Several_calls_in_one_script_share_one_token_fetch() =>
        RunInOnePassAsync(
            """
            class C
            {
                string UserData = @"#!/bin/bash
            yum -y install jq
            [|ID=$(curl -s http://169.254.169.254/latest/meta-data/instance-id)|]
            [|AZ=$(wget -qO- http://169.254.169.254/latest/meta-data/placement/availability-zone)|]
            [|curl -s http://169.254.169.254/latest/dynamic/instance-identity/document | jq -r .region > /tmp/region|]
            ";
            }
            """,
            """
            class C
            {
                string UserData = @"#!/bin/bash
            yum -y install jq
            TOKEN=$(curl -s -X PUT http://169.254.169.254/latest/api/token -H ""X-aws-ec2-metadata-token-ttl-seconds: 21600"")
            ID=$(curl -H ""X-aws-ec2-metadata-token: $TOKEN"" -s http://169.254.169.254/latest/meta-data/instance-id)
            AZ=$(wget --header=""X-aws-ec2-metadata-token: $TOKEN"" -qO- http://169.254.169.254/latest/meta-data/placement/availability-zone)
            curl -H ""X-aws-ec2-metadata-token: $TOKEN"" -s http://169.254.169.254/latest/dynamic/instance-identity/document | jq -r .region > /tmp/region
            ";
            }
            """);

    [Fact]
    public Task Several_PowerShell_calls_share_one_token_fetch() =>
        RunInOnePassAsync(
            """"
            class C
            {
                string UserData = """
                    <powershell>
                    [|$id = Invoke-RestMethod -Uri http://169.254.169.254/latest/meta-data/instance-id|]
                    [|$az = (Invoke-WebRequest -Uri http://169.254.169.254/latest/meta-data/placement/availability-zone -UseBasicParsing).Content|]
                    [|Rename-Computer -NewName (irm http://169.254.169.254/latest/meta-data/local-hostname)|]
                    </powershell>
                    """;
            }
            """",
            """"
            class C
            {
                string UserData = """
                    <powershell>
                    $token = Invoke-RestMethod -Method PUT -Uri http://169.254.169.254/latest/api/token -Headers @{"X-aws-ec2-metadata-token-ttl-seconds" = "21600"}
                    $id = Invoke-RestMethod -Headers @{"X-aws-ec2-metadata-token" = $token} -Uri http://169.254.169.254/latest/meta-data/instance-id
                    $az = (Invoke-WebRequest -Headers @{"X-aws-ec2-metadata-token" = $token} -Uri http://169.254.169.254/latest/meta-data/placement/availability-zone -UseBasicParsing).Content
                    Rename-Computer -NewName (irm -Headers @{"X-aws-ec2-metadata-token" = $token} http://169.254.169.254/latest/meta-data/local-hostname)
                    </powershell>
                    """;
            }
            """");

    [Fact]
    public Task Two_calls_on_one_line_of_a_single_command_string() =>
        RunInOnePassAsync(
            """
            class C
            {
                string Command = "{|#0:echo $(curl -s http://169.254.169.254/latest/meta-data/instance-id) $(curl -s http://169.254.169.254/latest/meta-data/local-ipv4)|}";
            }
            """,
            """
            class C
            {
                string Command = "TOKEN=$(curl -s -X PUT http://169.254.169.254/latest/api/token -H \"X-aws-ec2-metadata-token-ttl-seconds: 21600\"); echo $(curl -H \"X-aws-ec2-metadata-token: $TOKEN\" -s http://169.254.169.254/latest/meta-data/instance-id) $(curl -H \"X-aws-ec2-metadata-token: $TOKEN\" -s http://169.254.169.254/latest/meta-data/local-ipv4)";
            }
            """,
            Verify.Diagnostic("IMDS003").WithLocation(0).WithArguments("curl"),
            Verify.Diagnostic("IMDS003").WithLocation(0).WithArguments("curl"));

    [Fact]
    public Task A_command_list_gets_one_fetch_command() =>
        RunInOnePassAsync(
            """
            class UserData
            {
                public void AddCommands(params string[] commands) { }
            }
            class C
            {
                void M(UserData userData) => userData.AddCommands(
                    "yum -y update",
                    "[|ID=$(curl -s http://169.254.169.254/latest/meta-data/instance-id)|]",
                    "echo $ID",
                    "[|wget -qO- http://169.254.169.254/latest/meta-data/placement/region > /tmp/region|]");
            }
            """,
            """
            class UserData
            {
                public void AddCommands(params string[] commands) { }
            }
            class C
            {
                void M(UserData userData) => userData.AddCommands(
                    "yum -y update",
                    "TOKEN=$(curl -s -X PUT http://169.254.169.254/latest/api/token -H \"X-aws-ec2-metadata-token-ttl-seconds: 21600\")",
                    "ID=$(curl -H \"X-aws-ec2-metadata-token: $TOKEN\" -s http://169.254.169.254/latest/meta-data/instance-id)",
                    "echo $ID",
                    "wget --header=\"X-aws-ec2-metadata-token: $TOKEN\" -qO- http://169.254.169.254/latest/meta-data/placement/region > /tmp/region");
            }
            """);

    [Fact]
    public Task A_fetch_for_a_call_in_a_block_also_serves_the_calls_after_it() =>
        RunInOnePassAsync(
            """
            class C
            {
                string UserData = @"#!/bin/bash
            if [ -n ""$DEBUG"" ]; then
              [|curl -s http://169.254.169.254/latest/meta-data/ > /tmp/debug|]
            fi
            [|ID=$(curl -s http://169.254.169.254/latest/meta-data/instance-id)|]";
            }
            """,
            """
            class C
            {
                string UserData = @"#!/bin/bash
            TOKEN=$(curl -s -X PUT http://169.254.169.254/latest/api/token -H ""X-aws-ec2-metadata-token-ttl-seconds: 21600"")
            if [ -n ""$DEBUG"" ]; then
              curl -H ""X-aws-ec2-metadata-token: $TOKEN"" -s http://169.254.169.254/latest/meta-data/ > /tmp/debug
            fi
            ID=$(curl -H ""X-aws-ec2-metadata-token: $TOKEN"" -s http://169.254.169.254/latest/meta-data/instance-id)";
            }
            """);

    [Fact]
    public Task Each_script_in_a_document_gets_its_own_fetch() =>
        RunInOnePassAsync(
            """
            class C
            {
                string Linux = "#!/bin/bash\n[|curl -s http://169.254.169.254/latest/meta-data/instance-id|]\n[|curl -s http://169.254.169.254/latest/meta-data/local-ipv4|]\n";
                string Windows = "<powershell>\n[|Invoke-RestMethod http://169.254.169.254/latest/meta-data/instance-id|]\n</powershell>";
            }
            """,
            """
            class C
            {
                string Linux = "#!/bin/bash\nTOKEN=$(curl -s -X PUT http://169.254.169.254/latest/api/token -H \"X-aws-ec2-metadata-token-ttl-seconds: 21600\")\ncurl -H \"X-aws-ec2-metadata-token: $TOKEN\" -s http://169.254.169.254/latest/meta-data/instance-id\ncurl -H \"X-aws-ec2-metadata-token: $TOKEN\" -s http://169.254.169.254/latest/meta-data/local-ipv4\n";
                string Windows = "<powershell>\n$token = Invoke-RestMethod -Method PUT -Uri http://169.254.169.254/latest/api/token -Headers @{\"X-aws-ec2-metadata-token-ttl-seconds\" = \"21600\"}\nInvoke-RestMethod -Headers @{\"X-aws-ec2-metadata-token\" = $token} http://169.254.169.254/latest/meta-data/instance-id\n</powershell>";
            }
            """);

    [Fact]
    public Task Calls_that_cannot_be_rewritten_stay_reported_while_the_rest_are_fixed() =>
        RunInOnePassAsync(
            """
            class C
            {
                string UserData = "<powershell>\n$h = @{Accept = 'text/plain'}\n[|Invoke-RestMethod -Headers $h -Uri http://169.254.169.254/latest/meta-data/instance-id|]\n[|irm http://169.254.169.254/latest/meta-data/local-ipv4|]\n</powershell>";
            }
            """,
            """
            class C
            {
                string UserData = "<powershell>\n$h = @{Accept = 'text/plain'}\n[|Invoke-RestMethod -Headers $h -Uri http://169.254.169.254/latest/meta-data/instance-id|]\n$token = Invoke-RestMethod -Method PUT -Uri http://169.254.169.254/latest/api/token -Headers @{\"X-aws-ec2-metadata-token-ttl-seconds\" = \"21600\"}\nirm -Headers @{\"X-aws-ec2-metadata-token\" = $token} http://169.254.169.254/latest/meta-data/local-ipv4\n</powershell>";
            }
            """);

    [Fact]
    public async Task Fix_all_in_project_and_solution_covers_every_document()
    {
        var test = new Verify.Test { ReferenceAssemblies = Verifiers.TestReferences.Framework, CodeActionEquivalenceKey = ScriptFixVerifier.EquivalenceKey };
        test.TestState.Sources.Add(("Linux.cs", """
            class Linux
            {
                string UserData = "#!/bin/bash\n[|curl -s http://169.254.169.254/latest/meta-data/instance-id|]\n[|wget -qO- http://169.254.169.254/latest/meta-data/local-ipv4|]\n";
            }
            """));
        test.TestState.Sources.Add(("Windows.cs", """
            class Windows
            {
                string UserData = "<powershell>\n[|Invoke-RestMethod http://169.254.169.254/latest/meta-data/instance-id|]\n</powershell>";
            }
            """));
        test.FixedState.Sources.Add(("Linux.cs", """
            class Linux
            {
                string UserData = "#!/bin/bash\nTOKEN=$(curl -s -X PUT http://169.254.169.254/latest/api/token -H \"X-aws-ec2-metadata-token-ttl-seconds: 21600\")\ncurl -H \"X-aws-ec2-metadata-token: $TOKEN\" -s http://169.254.169.254/latest/meta-data/instance-id\nwget --header=\"X-aws-ec2-metadata-token: $TOKEN\" -qO- http://169.254.169.254/latest/meta-data/local-ipv4\n";
            }
            """));
        test.FixedState.Sources.Add(("Windows.cs", """
            class Windows
            {
                string UserData = "<powershell>\n$token = Invoke-RestMethod -Method PUT -Uri http://169.254.169.254/latest/api/token -Headers @{\"X-aws-ec2-metadata-token-ttl-seconds\" = \"21600\"}\nInvoke-RestMethod -Headers @{\"X-aws-ec2-metadata-token\" = $token} http://169.254.169.254/latest/meta-data/instance-id\n</powershell>";
            }
            """));

        // Document scope needs a pass per document; project and solution scope fix both in one.
        test.NumberOfFixAllInDocumentIterations = 2;
        test.NumberOfFixAllInProjectIterations = 1;
        test.NumberOfFixAllIterations = 1;
        await test.RunAsync();
    }

    [Fact]
    public async Task Interpolated_raw_literal_with_two_dollars_takes_the_PowerShell_form()
    {
        // "$$" is position markup to the test framework, so this test spells its expectations out.
        var source = """"
            class C
            {
                string M(string name) => $$"""
                    <powershell>
                    Write-Host {{name}}
                    Invoke-RestMethod -Uri http://169.254.169.254/latest/meta-data/instance-id
                    </powershell>
                    """;
            }
            """";
        var fixedSource = """"
            class C
            {
                string M(string name) => $$"""
                    <powershell>
                    Write-Host {{name}}
                    $token = Invoke-RestMethod -Method PUT -Uri http://169.254.169.254/latest/api/token -Headers @{"X-aws-ec2-metadata-token-ttl-seconds" = "21600"}
                    Invoke-RestMethod -Headers @{"X-aws-ec2-metadata-token" = $token} -Uri http://169.254.169.254/latest/meta-data/instance-id
                    </powershell>
                    """;
            }
            """";
        var test = Verify.Create(source, fixedSource);
        test.CodeActionEquivalenceKey = ScriptFixVerifier.EquivalenceKey;
        test.TestState.MarkupHandling = MarkupMode.None;
        test.FixedState.MarkupHandling = MarkupMode.None;
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("IMDS003").WithSpan(6, 9, 6, 83).WithArguments("Invoke-RestMethod"));
        await test.RunAsync();
    }

    private static Task RunInOnePassAsync(string source, string fixedSource, params DiagnosticResult[] expected)
    {
        var test = Verify.Create(source, fixedSource);
        test.CodeActionEquivalenceKey = ScriptFixVerifier.EquivalenceKey;
        test.ExpectedDiagnostics.AddRange(expected);

        // One Fix All pass must leave nothing to fix: a second pass would mean the first one left a call behind.
        test.NumberOfFixAllIterations = 1;
        return test.RunAsync();
    }
}
