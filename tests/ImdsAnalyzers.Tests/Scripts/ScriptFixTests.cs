using ImdsAnalyzers.Tests.Verifiers;

namespace ImdsAnalyzers.Tests.Scripts;

/// <summary>The IMDS003 fix in every kind of literal, for every command, and where it must not touch the script.</summary>
public class ScriptFixTests
{
    [Fact]
    public Task Curl_in_a_regular_literal() =>
        ScriptFixVerifier.VerifyAsync(
            """
            class C
            {
                string UserData = "#!/bin/bash\n[|curl -s http://169.254.169.254/latest/meta-data/instance-id|]\necho done\n";
            }
            """,
            """
            class C
            {
                string UserData = "#!/bin/bash\nTOKEN=$(curl -s -X PUT http://169.254.169.254/latest/api/token -H \"X-aws-ec2-metadata-token-ttl-seconds: 21600\")\ncurl -H \"X-aws-ec2-metadata-token: $TOKEN\" -s http://169.254.169.254/latest/meta-data/instance-id\necho done\n";
            }
            """);

    [Fact]
    public Task Wget_in_a_regular_literal() =>
        ScriptFixVerifier.VerifyAsync(
            """
            class C
            {
                string UserData = "#!/bin/sh\n[|REGION=$(wget -qO- http://169.254.169.254/latest/meta-data/placement/region)|]\n";
            }
            """,
            """
            class C
            {
                string UserData = "#!/bin/sh\nTOKEN=$(curl -s -X PUT http://169.254.169.254/latest/api/token -H \"X-aws-ec2-metadata-token-ttl-seconds: 21600\")\nREGION=$(wget --header=\"X-aws-ec2-metadata-token: $TOKEN\" -qO- http://169.254.169.254/latest/meta-data/placement/region)\n";
            }
            """);

    [Fact]
    public Task Invoke_RestMethod_in_a_verbatim_literal() =>
        ScriptFixVerifier.VerifyAsync(
            """
            class C
            {
                string UserData = @"<powershell>
            [|$id = Invoke-RestMethod -Uri http://169.254.169.254/latest/meta-data/instance-id|]
            Rename-Computer -NewName $id
            </powershell>";
            }
            """,
            """
            class C
            {
                string UserData = @"<powershell>
            $token = Invoke-RestMethod -Method PUT -Uri http://169.254.169.254/latest/api/token -Headers @{""X-aws-ec2-metadata-token-ttl-seconds"" = ""21600""}
            $id = Invoke-RestMethod -Headers @{""X-aws-ec2-metadata-token"" = $token} -Uri http://169.254.169.254/latest/meta-data/instance-id
            Rename-Computer -NewName $id
            </powershell>";
            }
            """);

    [Fact]
    public Task Invoke_WebRequest_with_headers_gets_the_token_in_its_hashtable() =>
        ScriptFixVerifier.VerifyAsync(
            """
            class C
            {
                string UserData = @"<powershell>
            [|$az = (Invoke-WebRequest -Uri http://169.254.169.254/latest/meta-data/placement/availability-zone -Headers @{""Accept"" = ""text/plain""} -UseBasicParsing).Content|]
            </powershell>";
            }
            """,
            """
            class C
            {
                string UserData = @"<powershell>
            $token = Invoke-RestMethod -Method PUT -Uri http://169.254.169.254/latest/api/token -Headers @{""X-aws-ec2-metadata-token-ttl-seconds"" = ""21600""}
            $az = (Invoke-WebRequest -Uri http://169.254.169.254/latest/meta-data/placement/availability-zone -Headers @{""X-aws-ec2-metadata-token"" = $token; ""Accept"" = ""text/plain""} -UseBasicParsing).Content
            </powershell>";
            }
            """);

    [Fact]
    public Task Verbatim_bash_keeps_the_line_indentation() =>
        ScriptFixVerifier.VerifyAsync(
            """
            class C
            {
                string UserData = @"#!/bin/bash
                    yum -y install httpd
                    [|curl -s http://169.254.169.254/latest/meta-data/instance-id -o ""/var/www/html/id""|]
                    systemctl start httpd";
            }
            """,
            """
            class C
            {
                string UserData = @"#!/bin/bash
                    yum -y install httpd
                    TOKEN=$(curl -s -X PUT http://169.254.169.254/latest/api/token -H ""X-aws-ec2-metadata-token-ttl-seconds: 21600"")
                    curl -H ""X-aws-ec2-metadata-token: $TOKEN"" -s http://169.254.169.254/latest/meta-data/instance-id -o ""/var/www/html/id""
                    systemctl start httpd";
            }
            """);

    [Fact]
    public Task Raw_literal_keeps_its_indentation() =>
        ScriptFixVerifier.VerifyAsync(
            """"
            class C
            {
                string UserData = """
                    #!/bin/bash
                    yum -y install httpd
                    [|curl -s http://169.254.169.254/latest/meta-data/instance-id > /var/www/html/index.html|]
                    """;
            }
            """",
            """"
            class C
            {
                string UserData = """
                    #!/bin/bash
                    yum -y install httpd
                    TOKEN=$(curl -s -X PUT http://169.254.169.254/latest/api/token -H "X-aws-ec2-metadata-token-ttl-seconds: 21600")
                    curl -H "X-aws-ec2-metadata-token: $TOKEN" -s http://169.254.169.254/latest/meta-data/instance-id > /var/www/html/index.html
                    """;
            }
            """");

    [Fact]
    public Task Raw_literal_with_PowerShell() =>
        ScriptFixVerifier.VerifyAsync(
            """"
            class C
            {
                string UserData = """
                    <powershell>
                    [|$id = Invoke-WebRequest -Uri http://169.254.169.254/latest/meta-data/instance-id -UseBasicParsing|]
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
                    $id = Invoke-WebRequest -Headers @{"X-aws-ec2-metadata-token" = $token} -Uri http://169.254.169.254/latest/meta-data/instance-id -UseBasicParsing
                    </powershell>
                    """;
            }
            """");

    [Fact]
    public Task Interpolated_literal_with_bash() =>
        ScriptFixVerifier.VerifyAsync(
            """
            class C
            {
                string M(string path) => $"#!/bin/bash\n[|curl -s http://169.254.169.254/latest/meta-data/{path}|]\n";
            }
            """,
            """
            class C
            {
                string M(string path) => $"#!/bin/bash\nTOKEN=$(curl -s -X PUT http://169.254.169.254/latest/api/token -H \"X-aws-ec2-metadata-token-ttl-seconds: 21600\")\ncurl -H \"X-aws-ec2-metadata-token: $TOKEN\" -s http://169.254.169.254/latest/meta-data/{path}\n";
            }
            """);

    [Fact]
    public Task Interpolated_literal_with_PowerShell_doubles_the_braces() =>
        ScriptFixVerifier.VerifyAsync(
            """
            class C
            {
                string M(string path) => $"<powershell>\n[|Invoke-RestMethod -Uri http://169.254.169.254/latest/meta-data/{path}|]\n</powershell>";
            }
            """,
            """
            class C
            {
                string M(string path) => $"<powershell>\n$token = Invoke-RestMethod -Method PUT -Uri http://169.254.169.254/latest/api/token -Headers @{{\"X-aws-ec2-metadata-token-ttl-seconds\" = \"21600\"}}\nInvoke-RestMethod -Headers @{{\"X-aws-ec2-metadata-token\" = $token}} -Uri http://169.254.169.254/latest/meta-data/{path}\n</powershell>";
            }
            """);

    [Fact]
    public Task Interpolated_verbatim_literal_with_PowerShell() =>
        ScriptFixVerifier.VerifyAsync(
            """
            class C
            {
                string M(string name) => $@"<powershell>
            Write-Host ""{name}""
            [|irm http://169.254.169.254/latest/meta-data/instance-id -OutFile C:\id.txt|]
            </powershell>";
            }
            """,
            """
            class C
            {
                string M(string name) => $@"<powershell>
            Write-Host ""{name}""
            $token = Invoke-RestMethod -Method PUT -Uri http://169.254.169.254/latest/api/token -Headers @{{""X-aws-ec2-metadata-token-ttl-seconds"" = ""21600""}}
            irm -Headers @{{""X-aws-ec2-metadata-token"" = $token}} http://169.254.169.254/latest/meta-data/instance-id -OutFile C:\id.txt
            </powershell>";
            }
            """);

    [Fact]
    public Task Interpolated_raw_literal_with_one_dollar_cannot_hold_PowerShell_braces() =>
        ScriptFixVerifier.VerifyNoFixAsync(
            """"
            class C
            {
                string M(string name) => $"""
                    <powershell>
                    Write-Host {name}
                    [|Invoke-RestMethod -Uri http://169.254.169.254/latest/meta-data/instance-id|]
                    </powershell>
                    """;
            }
            """");

    [Fact]
    public Task Interpolated_raw_literal_with_one_dollar_takes_the_bash_form() =>
        ScriptFixVerifier.VerifyAsync(
            """"
            class C
            {
                string M(string name) => $"""
                    #!/bin/bash
                    echo {name}
                    [|curl -s http://169.254.169.254/latest/meta-data/instance-id|]
                    """;
            }
            """",
            """"
            class C
            {
                string M(string name) => $"""
                    #!/bin/bash
                    echo {name}
                    TOKEN=$(curl -s -X PUT http://169.254.169.254/latest/api/token -H "X-aws-ec2-metadata-token-ttl-seconds: 21600")
                    curl -H "X-aws-ec2-metadata-token: $TOKEN" -s http://169.254.169.254/latest/meta-data/instance-id
                    """;
            }
            """");

    [Fact]
    public Task A_single_command_string_gets_the_fetch_joined_with_a_semicolon() =>
        ScriptFixVerifier.VerifyAsync(
            """
            class C
            {
                string Command = "[|curl -s http://169.254.169.254/latest/meta-data/instance-id|]";
            }
            """,
            """
            class C
            {
                string Command = "TOKEN=$(curl -s -X PUT http://169.254.169.254/latest/api/token -H \"X-aws-ec2-metadata-token-ttl-seconds: 21600\"); curl -H \"X-aws-ec2-metadata-token: $TOKEN\" -s http://169.254.169.254/latest/meta-data/instance-id";
            }
            """);

    [Fact]
    public Task An_ssm_commands_list_gets_the_fetch_as_a_command_of_its_own() =>
        ScriptFixVerifier.VerifyAsync(
            """
            using System.Collections.Generic;
            class C
            {
                Dictionary<string, List<string>> Parameters = new()
                {
                    ["commands"] = new List<string>
                    {
                        "echo start",
                        // where the instance is
                        "[|curl http://169.254.169.254/latest/meta-data/placement/availability-zone|]",
                    },
                };
            }
            """,
            """
            using System.Collections.Generic;
            class C
            {
                Dictionary<string, List<string>> Parameters = new()
                {
                    ["commands"] = new List<string>
                    {
                        "echo start",
                        "TOKEN=$(curl -s -X PUT http://169.254.169.254/latest/api/token -H \"X-aws-ec2-metadata-token-ttl-seconds: 21600\")",
                        // where the instance is
                        "curl -H \"X-aws-ec2-metadata-token: $TOKEN\" http://169.254.169.254/latest/meta-data/placement/availability-zone",
                    },
                };
            }
            """);

    [Fact]
    public Task A_collection_expression_on_one_line() =>
        ScriptFixVerifier.VerifyAsync(
            """
            using System.Collections.Generic;
            class C
            {
                List<string> Commands = ["[|wget -qO- http://169.254.169.254/latest/meta-data/instance-id|]", "echo done"];
            }
            """,
            """
            using System.Collections.Generic;
            class C
            {
                List<string> Commands = ["TOKEN=$(curl -s -X PUT http://169.254.169.254/latest/api/token -H \"X-aws-ec2-metadata-token-ttl-seconds: 21600\")", "wget --header=\"X-aws-ec2-metadata-token: $TOKEN\" -qO- http://169.254.169.254/latest/meta-data/instance-id", "echo done"];
            }
            """);

    [Fact]
    public Task An_array_initializer() =>
        ScriptFixVerifier.VerifyAsync(
            """
            class C
            {
                string[] Commands = new[] { "yum -y update", "[|curl http://169.254.169.254/latest/meta-data/instance-id > /tmp/id|]" };
            }
            """,
            """
            class C
            {
                string[] Commands = new[] { "yum -y update", "TOKEN=$(curl -s -X PUT http://169.254.169.254/latest/api/token -H \"X-aws-ec2-metadata-token-ttl-seconds: 21600\")", "curl -H \"X-aws-ec2-metadata-token: $TOKEN\" http://169.254.169.254/latest/meta-data/instance-id > /tmp/id" };
            }
            """);

    [Fact]
    public Task Cdk_UserData_AddCommands() =>
        ScriptFixVerifier.VerifyAsync(
            """
            using Amazon.CDK.AWS.EC2;
            class C
            {
                UserData M()
                {
                    var userData = UserData.ForLinux();
                    userData.AddCommands(
                        "yum -y install httpd",
                        "[|echo \"<h1>$(curl -s http://169.254.169.254/latest/meta-data/instance-id)</h1>\" > /var/www/html/index.html|]");
                    return userData;
                }
            }
            """,
            """
            using Amazon.CDK.AWS.EC2;
            class C
            {
                UserData M()
                {
                    var userData = UserData.ForLinux();
                    userData.AddCommands(
                        "yum -y install httpd",
                        "TOKEN=$(curl -s -X PUT http://169.254.169.254/latest/api/token -H \"X-aws-ec2-metadata-token-ttl-seconds: 21600\")",
                        "echo \"<h1>$(curl -H \"X-aws-ec2-metadata-token: $TOKEN\" -s http://169.254.169.254/latest/meta-data/instance-id)</h1>\" > /var/www/html/index.html");
                    return userData;
                }
            }
            """,
            TestLibraries.Cdk);

    [Fact]
    public Task A_command_list_that_already_fetches_a_token_reuses_it() =>
        ScriptFixVerifier.VerifyAsync(
            """
            class C
            {
                string[] Commands =
                {
                    "IMDS=$(curl -s -X PUT http://169.254.169.254/latest/api/token -H \"X-aws-ec2-metadata-token-ttl-seconds: 300\")",
                    "[|curl -s http://169.254.169.254/latest/meta-data/instance-id|]",
                };
            }
            """,
            """
            class C
            {
                string[] Commands =
                {
                    "IMDS=$(curl -s -X PUT http://169.254.169.254/latest/api/token -H \"X-aws-ec2-metadata-token-ttl-seconds: 300\")",
                    "curl -H \"X-aws-ec2-metadata-token: $IMDS\" -s http://169.254.169.254/latest/meta-data/instance-id",
                };
            }
            """);

    [Fact]
    public Task A_PowerShell_script_that_already_fetches_a_token_reuses_it() =>
        ScriptFixVerifier.VerifyAsync(
            """
            class C
            {
                string UserData = @"<powershell>
            $imds = Invoke-RestMethod -Method PUT -Uri http://169.254.169.254/latest/api/token -Headers @{""X-aws-ec2-metadata-token-ttl-seconds"" = ""600""}
            [|$id = Invoke-RestMethod http://169.254.169.254/latest/meta-data/instance-id|]
            </powershell>";
            }
            """,
            """
            class C
            {
                string UserData = @"<powershell>
            $imds = Invoke-RestMethod -Method PUT -Uri http://169.254.169.254/latest/api/token -Headers @{""X-aws-ec2-metadata-token-ttl-seconds"" = ""600""}
            $id = Invoke-RestMethod -Headers @{""X-aws-ec2-metadata-token"" = $imds} http://169.254.169.254/latest/meta-data/instance-id
            </powershell>";
            }
            """);

    [Fact]
    public Task The_token_comes_from_the_IPv6_endpoint_when_the_call_uses_it() =>
        ScriptFixVerifier.VerifyAsync(
            """
            class C
            {
                string UserData = "#!/bin/bash\n[|curl -s http://[fd00:ec2::254]/latest/meta-data/instance-id|]\n";
            }
            """,
            """
            class C
            {
                string UserData = "#!/bin/bash\nTOKEN=$(curl -s -X PUT http://[fd00:ec2::254]/latest/api/token -H \"X-aws-ec2-metadata-token-ttl-seconds: 21600\")\ncurl -H \"X-aws-ec2-metadata-token: $TOKEN\" -s http://[fd00:ec2::254]/latest/meta-data/instance-id\n";
            }
            """);

    [Fact]
    public Task A_call_inside_a_shell_block_gets_the_fetch_before_the_block() =>
        ScriptFixVerifier.VerifyAsync(
            """
            class C
            {
                string UserData = @"#!/bin/bash
            if [ -f /etc/app.conf ]; then
              [|ID=$(curl -s http://169.254.169.254/latest/meta-data/instance-id)|]
            fi";
            }
            """,
            """
            class C
            {
                string UserData = @"#!/bin/bash
            TOKEN=$(curl -s -X PUT http://169.254.169.254/latest/api/token -H ""X-aws-ec2-metadata-token-ttl-seconds: 21600"")
            if [ -f /etc/app.conf ]; then
              ID=$(curl -H ""X-aws-ec2-metadata-token: $TOKEN"" -s http://169.254.169.254/latest/meta-data/instance-id)
            fi";
            }
            """);

    [Fact]
    public Task A_call_inside_a_PowerShell_block_gets_the_fetch_before_the_block() =>
        ScriptFixVerifier.VerifyAsync(
            """
            class C
            {
                string UserData = @"<powershell>
            foreach ($path in @('instance-id', 'local-ipv4')) {
                [|Invoke-RestMethod -Uri ""http://169.254.169.254/latest/meta-data/$path""|]
            }
            </powershell>";
            }
            """,
            """
            class C
            {
                string UserData = @"<powershell>
            $token = Invoke-RestMethod -Method PUT -Uri http://169.254.169.254/latest/api/token -Headers @{""X-aws-ec2-metadata-token-ttl-seconds"" = ""21600""}
            foreach ($path in @('instance-id', 'local-ipv4')) {
                Invoke-RestMethod -Headers @{""X-aws-ec2-metadata-token"" = $token} -Uri ""http://169.254.169.254/latest/meta-data/$path""
            }
            </powershell>";
            }
            """);

    [Fact]
    public Task Crlf_scripts_get_crlf_lines() =>
        ScriptFixVerifier.VerifyAsync(
            "class C\r\n{\r\n    string UserData = @\"#!/bin/bash\r\n[|curl -s http://169.254.169.254/latest/meta-data/instance-id|]\r\n\";\r\n}\r\n",
            "class C\r\n{\r\n    string UserData = @\"#!/bin/bash\r\nTOKEN=$(curl -s -X PUT http://169.254.169.254/latest/api/token -H \"\"X-aws-ec2-metadata-token-ttl-seconds: 21600\"\")\r\ncurl -H \"\"X-aws-ec2-metadata-token: $TOKEN\"\" -s http://169.254.169.254/latest/meta-data/instance-id\r\n\";\r\n}\r\n");

    [Fact]
    public Task A_script_that_uses_TOKEN_for_something_else_gets_another_name() =>
        ScriptFixVerifier.VerifyAsync(
            """
            class C
            {
                string UserData = "#!/bin/bash\nTOKEN=$(cat /etc/github-token)\n[|curl -s http://169.254.169.254/latest/meta-data/instance-id|]\n";
            }
            """,
            """
            class C
            {
                string UserData = "#!/bin/bash\nTOKEN=$(cat /etc/github-token)\nIMDS_TOKEN=$(curl -s -X PUT http://169.254.169.254/latest/api/token -H \"X-aws-ec2-metadata-token-ttl-seconds: 21600\")\ncurl -H \"X-aws-ec2-metadata-token: $IMDS_TOKEN\" -s http://169.254.169.254/latest/meta-data/instance-id\n";
            }
            """);

    [Fact]
    public Task Curl_exe_in_PowerShell_gets_a_curl_header_with_the_PowerShell_variable() =>
        ScriptFixVerifier.VerifyAsync(
            """
            class C
            {
                string UserData = "<powershell>\n[|curl.exe -s http://169.254.169.254/latest/meta-data/instance-id|]\n</powershell>";
            }
            """,
            """
            class C
            {
                string UserData = "<powershell>\n$token = Invoke-RestMethod -Method PUT -Uri http://169.254.169.254/latest/api/token -Headers @{\"X-aws-ec2-metadata-token-ttl-seconds\" = \"21600\"}\ncurl.exe -H \"X-aws-ec2-metadata-token: $token\" -s http://169.254.169.254/latest/meta-data/instance-id\n</powershell>";
            }
            """);

    [Fact]
    public Task The_curl_alias_of_Invoke_WebRequest_gets_a_Headers_argument() =>
        ScriptFixVerifier.VerifyAsync(
            """
            class C
            {
                string UserData = "<powershell>\n[|$r = curl -Uri http://169.254.169.254/latest/meta-data/instance-id -UseBasicParsing|]\n</powershell>";
            }
            """,
            """
            class C
            {
                string UserData = "<powershell>\n$token = Invoke-RestMethod -Method PUT -Uri http://169.254.169.254/latest/api/token -Headers @{\"X-aws-ec2-metadata-token-ttl-seconds\" = \"21600\"}\n$r = curl -Headers @{\"X-aws-ec2-metadata-token\" = $token} -Uri http://169.254.169.254/latest/meta-data/instance-id -UseBasicParsing\n</powershell>";
            }
            """);

    [Fact]
    public Task A_bare_curl_in_PowerShell_could_be_either_program_so_no_fix() =>
        ScriptFixVerifier.VerifyNoFixAsync(
            """
            class C
            {
                string UserData = "<powershell>\n[|$id = curl http://169.254.169.254/latest/meta-data/instance-id|]\n</powershell>";
            }
            """);

    [Fact]
    public Task A_cmdlet_with_computed_headers_is_reported_but_not_rewritten() =>
        ScriptFixVerifier.VerifyNoFixAsync(
            """
            class C
            {
                string UserData = "<powershell>\n$h = @{Accept = 'text/plain'}\n[|Invoke-RestMethod -Headers $h -Uri http://169.254.169.254/latest/meta-data/instance-id|]\n</powershell>";
            }
            """);

    [Fact]
    public Task A_call_in_a_heredoc_is_reported_but_not_rewritten() =>
        ScriptFixVerifier.VerifyNoFixAsync(
            """
            class C
            {
                string UserData = "#!/bin/bash\ncat > /opt/id.sh <<EOF\n[|curl http://169.254.169.254/latest/meta-data/instance-id|]\nEOF\n";
            }
            """);

    [Fact]
    public Task A_call_in_a_quoted_bash_c_script_is_reported_but_not_rewritten() =>
        ScriptFixVerifier.VerifyNoFixAsync(
            """
            class C
            {
                string UserData = "#!/bin/bash\n[|su ec2-user -c 'curl http://169.254.169.254/latest/meta-data/instance-id'|]\n";
            }
            """);

    [Fact]
    public Task Cloud_config_is_reported_but_not_rewritten() =>
        ScriptFixVerifier.VerifyNoFixAsync(
            """
            class C
            {
                string UserData = "#cloud-config\nruncmd:\n  [|- curl http://169.254.169.254/latest/meta-data/instance-id > /tmp/id|]\n";
            }
            """);

    [Fact]
    public Task Windows_batch_user_data_is_reported_but_not_rewritten() =>
        ScriptFixVerifier.VerifyNoFixAsync(
            """
            class C
            {
                string UserData = "<script>\n[|curl.exe -s http://169.254.169.254/latest/meta-data/instance-id > C:\\id.txt|]\n</script>";
            }
            """);

    [Fact]
    public Task Concatenated_script_gets_the_fetch_in_the_literal_of_the_line() =>
        ScriptFixVerifier.VerifyAsync(
            """
            class C
            {
                string UserData =
                    "#!/bin/bash\n" +
                    "[|curl -s http://169.254.169.254/latest/meta-data/instance-id|]\n" +
                    "echo done\n";
            }
            """,
            """
            class C
            {
                string UserData =
                    "#!/bin/bash\n" +
                    "TOKEN=$(curl -s -X PUT http://169.254.169.254/latest/api/token -H \"X-aws-ec2-metadata-token-ttl-seconds: 21600\")\ncurl -H \"X-aws-ec2-metadata-token: $TOKEN\" -s http://169.254.169.254/latest/meta-data/instance-id\n" +
                    "echo done\n";
            }
            """);

    [Fact]
    public Task A_line_split_across_literals_is_fixed_in_the_literal_holding_the_command() =>
        ScriptFixVerifier.VerifyAsync(
            """
            class C
            {
                string Command = "[|curl -s " + "http://169.254.169.254/latest/meta-data/instance-id|]";
            }
            """,
            """
            class C
            {
                string Command = "TOKEN=$(curl -s -X PUT http://169.254.169.254/latest/api/token -H \"X-aws-ec2-metadata-token-ttl-seconds: 21600\"); curl -H \"X-aws-ec2-metadata-token: $TOKEN\" -s " + "http://169.254.169.254/latest/meta-data/instance-id";
            }
            """);

    [Fact]
    public Task Escapes_before_and_a_tab_indent_are_kept() =>
        ScriptFixVerifier.VerifyAsync(
            """
            class C
            {
                string UserData = "#!/bin/bash\necho \"\u0041\"\n\t[|/usr/bin/curl -s http://169.254.169.254/latest/meta-data/instance-id|]\n";
            }
            """,
            """
            class C
            {
                string UserData = "#!/bin/bash\necho \"\u0041\"\n\tTOKEN=$(curl -s -X PUT http://169.254.169.254/latest/api/token -H \"X-aws-ec2-metadata-token-ttl-seconds: 21600\")\n\t/usr/bin/curl -H \"X-aws-ec2-metadata-token: $TOKEN\" -s http://169.254.169.254/latest/meta-data/instance-id\n";
            }
            """);

    [Fact]
    public Task A_PowerShell_script_that_uses_token_for_something_else_gets_another_name() =>
        ScriptFixVerifier.VerifyAsync(
            """
            class C
            {
                string UserData = "<powershell>\n$Token = Get-Content C:\\github.txt\n[|Invoke-RestMethod http://169.254.169.254/latest/meta-data/instance-id|]\n</powershell>";
            }
            """,
            """
            class C
            {
                string UserData = "<powershell>\n$Token = Get-Content C:\\github.txt\n$imdsToken = Invoke-RestMethod -Method PUT -Uri http://169.254.169.254/latest/api/token -Headers @{\"X-aws-ec2-metadata-token-ttl-seconds\" = \"21600\"}\nInvoke-RestMethod -Headers @{\"X-aws-ec2-metadata-token\" = $imdsToken} http://169.254.169.254/latest/meta-data/instance-id\n</powershell>";
            }
            """);
}
