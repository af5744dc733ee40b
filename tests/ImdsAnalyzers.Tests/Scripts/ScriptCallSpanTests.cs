using Microsoft.CodeAnalysis.Testing;
using Verify = ImdsAnalyzers.Tests.Verifiers.AnalyzerVerifier<ImdsAnalyzers.Scripts.ScriptMetadataCallAnalyzer>;

namespace ImdsAnalyzers.Tests.Scripts;

/// <summary>The diagnostic covers the offending line inside the string, in every kind of literal.</summary>
public class ScriptCallSpanTests
{
    [Fact]
    public Task Regular_literal_with_escapes_before_the_line() =>
        Verify.VerifyAsync("""
            class C
            {
                string UserData = "#!/bin/bash\n\techo \"start \\ \u0041\x42\"\n[|curl -s http://169.254.169.254/latest/meta-data/instance-id|]\necho done\n";
            }
            """);

    [Fact]
    public Task Regular_literal_with_escapes_inside_the_line() =>
        Verify.VerifyAsync("""
            class C
            {
                string UserData = "echo go\n[|curl -s -o \"/tmp/id\" \u0068ttp://169.254.169.254/latest/meta-data/instance-id|]";
            }
            """);

    [Fact]
    public Task Verbatim_multi_line_literal() =>
        Verify.VerifyAsync("""
            class C
            {
                string UserData = @"#!/bin/bash
            echo ""starting""
            [|curl -s http://169.254.169.254/latest/meta-data/instance-id > /tmp/id|]
            echo done";
            }
            """);

    [Fact]
    public Task Verbatim_literal_with_indented_lines_excludes_the_indentation() =>
        Verify.VerifyAsync("""
            class C
            {
                string UserData = @"#!/bin/bash
                    yum -y install httpd
                    [|ID=$(curl -s http://169.254.169.254/latest/meta-data/instance-id)|]   
                    echo $ID";
            }
            """);

    [Fact]
    public Task Multi_line_raw_literal() =>
        Verify.VerifyAsync(""""
            class C
            {
                string UserData = """
                    #!/bin/bash
                    yum -y install httpd
                    [|curl -s http://169.254.169.254/latest/meta-data/instance-id|]
                    """;
            }
            """");

    [Fact]
    public Task Single_line_raw_literal() =>
        Verify.VerifyAsync(""""
            class C
            {
                string Command = """[|curl -s "http://169.254.169.254/latest/meta-data/instance-id" -o /tmp/id|]""";
            }
            """");

    [Fact]
    public Task Concatenated_literals_one_line_each() =>
        Verify.VerifyAsync("""
            class C
            {
                string UserData =
                    "#!/bin/bash\n" +
                    "[|curl -s http://169.254.169.254/latest/meta-data/instance-id|]\n" +
                    "echo done\n";
            }
            """);

    [Fact]
    public Task A_line_split_across_concatenated_literals_spans_both() =>
        Verify.VerifyAsync("""
            class C
            {
                string UserData = "#!/bin/bash\n" + "[|curl -s " +
                    "http://169.254.169.254/latest/meta-data/instance-id|]\n";
            }
            """);

    [Fact]
    public Task A_constant_from_another_class_is_part_of_the_script() =>
        Verify.VerifyAsync("""
            static class Shell
            {
                public const string Fetch = "curl -s ";
            }
            class C
            {
                string UserData = "#!/bin/bash\n" + {|IMDS003:Shell.Fetch + "http://169.254.169.254/latest/meta-data/instance-id|}\n";
            }
            """);

    [Fact]
    public Task Interpolated_literal_with_a_hole_in_the_path() =>
        Verify.VerifyAsync("""
            class C
            {
                string M(string path) => $"#!/bin/bash\n[|curl -s http://169.254.169.254/latest/meta-data/{path}|]\necho {path}";
            }
            """);

    [Fact]
    public Task A_line_that_starts_with_a_hole_starts_at_the_hole() =>
        Verify.VerifyAsync("""
            class C
            {
                string M(string prefix) => $"echo\n[|{prefix} curl -s http://169.254.169.254/latest/meta-data/instance-id|]";
            }
            """);

    [Fact]
    public Task Interpolated_verbatim_literal() =>
        Verify.VerifyAsync("""
            class C
            {
                string M(string name) => $@"#!/bin/bash
            echo ""{name}"" {{ok}}
            [|curl -s http://169.254.169.254/latest/meta-data/instance-id|]";
            }
            """);

    [Fact]
    public Task Interpolated_multi_line_raw_literal() =>
        Verify.VerifyAsync(""""
            class C
            {
                string M(string name) => $"""
                    #!/bin/bash
                    echo {name}
                    [|curl -s http://169.254.169.254/latest/meta-data/{name}|]
                    """;
            }
            """");

    [Fact]
    public Task A_string_inside_an_interpolation_hole_is_part_of_the_script() =>
        Verify.VerifyAsync("""
            class C
            {
                string M() => $"[|curl -s {"http://169.254.169.254/latest/meta-data/instance-id|]"}";
            }
            """);

    [Fact]
    public Task Each_command_of_a_params_list_is_reported_inside_its_own_string() =>
        Verify.VerifyAsync("""
            class UserData
            {
                public void AddCommands(params string[] commands) { }
            }
            class C
            {
                void M(UserData userData) => userData.AddCommands(
                    "yum -y update",
                    "[|ID=$(curl -s http://169.254.169.254/latest/meta-data/instance-id)|]",
                    "[|wget -qO- http://169.254.169.254/latest/meta-data/placement/region|]");
            }
            """);

    [Fact]
    public Task Commands_in_an_ssm_commands_list() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            class C
            {
                Dictionary<string, List<string>> Parameters = new()
                {
                    ["commands"] = new List<string> { "echo start", "[|curl http://169.254.169.254/latest/meta-data/instance-id|]" },
                    ["workingDirectory"] = new List<string> { "/tmp" },
                };
            }
            """);

    [Fact]
    public Task Commands_in_a_collection_expression_and_an_array() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            class C
            {
                List<string> A = ["echo start", "[|curl http://169.254.169.254/latest/meta-data/instance-id|]"];
                string[] B = new[] { "[|Invoke-RestMethod http://169.254.169.254/latest/meta-data/|]" };
            }
            """);

    [Fact]
    public Task A_literal_whose_source_cannot_be_followed_is_reported_as_a_whole() =>
        // An unterminated string ending in an escape: the compiler's value and the source disagree, so
        // no offset inside the literal can be trusted and the whole literal is reported instead.
        RunWithCompilerErrorsAsync(
            "class C\n{\n    string UserData = {|#0:\"echo go\\ncurl -s http://169.254.169.254/latest/meta-data/instance-id\\\"|}\n}\n",
            new DiagnosticResult("IMDS003", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0).WithArguments("curl"));

    [Fact]
    public Task Crlf_line_breaks_are_not_part_of_the_span() =>
        Verify.VerifyAsync("class C\r\n{\r\n    string UserData = @\"#!/bin/bash\r\n[|curl -s http://169.254.169.254/latest/meta-data/instance-id|]\r\necho done\";\r\n}\r\n");

    private static Task RunWithCompilerErrorsAsync(string source, params DiagnosticResult[] expected)
    {
        var test = Verify.Create(source);
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
