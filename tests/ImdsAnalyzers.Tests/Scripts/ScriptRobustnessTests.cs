using System.Text;
using ImdsAnalyzers.Scripts;
using Microsoft.CodeAnalysis.Testing;
using FixVerify = ImdsAnalyzers.Tests.Verifiers.CodeFixVerifier<ImdsAnalyzers.Scripts.ScriptMetadataCallAnalyzer, ImdsAnalyzers.CodeFixes.Scripts.ScriptMetadataCallCodeFixProvider>;

namespace ImdsAnalyzers.Tests.Scripts;

/// <summary>Broken C#, hostile script text and random input: the analyzer reports what it can and never throws.</summary>
public class ScriptRobustnessTests
{
    [Theory]
    [InlineData("class C\n{\n    string s = \"curl http://169.254.169.254/latest/meta-data/instance-id\n}\n", 1)]
    [InlineData("class C\n{\n    string s = @\"#!/bin/bash\ncurl http://169.254.169.254/latest/meta-data/instance-id\n", 1)]
    [InlineData("class C\n{\n    string s = \"\"\"\n        curl http://169.254.169.254/latest/meta-data/instance-id\n", 1)]
    [InlineData("class C\n{\n    string M(string x) => $\"curl http://169.254.169.254/latest/meta-data/{x", 1)]
    [InlineData("class C\n{\n    string M(string x) => $\"\"\"\n        curl http://169.254.169.254/latest/meta-data/{x}\n", 1)]
    [InlineData("class C\n{\n    void M(dynamic d) { d.AddCommands(\"curl http://169.254.169.254/latest/meta-data/\" }\n}\n", 1)]
    [InlineData("class C\n{\n    void M() { new Missing().AddCommands(\"yum update\", \"curl http://169.254.169.254/latest/meta-data/\"); }\n}\n", 1)]
    [InlineData("class C\n{\n    void M() { Undefined(\"curl http://169.254.169.254/latest/meta-data/\" + unknown + \"\\n\" }\n", 1)]
    [InlineData("class C\n{\n    string[] a = { \"curl http://169.254.169.254/latest/meta-data/\", , };\n}\n", 1)]
    [InlineData("class C { const string X = \"curl http://169.254.169.254/latest/meta-data/\" + Y; const string Y = X; }", 1)]
    [InlineData("\"curl http://169.254.169.254/latest/meta-data/\"", 1)]
    [InlineData("class C\n{\n    string s = \"curl http://169.254.169.254/latest/meta-data/\\q\";\n}\n", 1)]
    public async Task Broken_csharp_is_analysed_without_exceptions(string source, int expected)
    {
        var diagnostics = await ScriptAnalysisHarness.AnalyzeAsync(source);
        Assert.Equal(expected, diagnostics.Length);
    }

    [Theory]
    [InlineData("curl \"http://169.254.169.254/latest/meta-data/instance-id", 1)]
    [InlineData("curl 'http://169.254.169.254/latest/meta-data/instance-id", 1)]
    [InlineData("ID=$(curl http://169.254.169.254/latest/meta-data/instance-id", 1)]
    [InlineData("ID=$(curl http://169.254.169.254/latest/meta-data/instance-id\necho $(curl http://169.254.169.254/latest/meta-data/ami-id", 2)]
    [InlineData("curl http://169.254.169.254/latest/meta-data/ \\", 1)]
    [InlineData("<# unterminated\nInvoke-RestMethod http://169.254.169.254/latest/meta-data/", 0)]
    [InlineData("cat <<EOF\ncurl http://169.254.169.254/latest/meta-data/", 1)]
    [InlineData("echo ${HOME\ncurl http://169.254.169.254/latest/meta-data/", 1)]
    [InlineData("`\ncurl http://169.254.169.254/latest/meta-data/", 1)]
    [InlineData("$x = @\"\nInvoke-RestMethod http://169.254.169.254/latest/meta-data/", 1)]
    [InlineData(")))}}}\ncurl http://169.254.169.254/latest/meta-data/", 1)]
    [InlineData("((({{{\ncurl http://169.254.169.254/latest/meta-data/", 1)]
    [InlineData("169.254.169.254", 0)]
    [InlineData("curl", 0)]
    [InlineData("curl http://[fd00:ec2::254/latest/meta-data/", 0)]
    [InlineData("curl http://169.254.169.254:/latest/meta-data/", 1)]
    [InlineData("curl http://169.254.169.254:99999999999999999999999/latest/meta-data/", 0)]
    [InlineData("curl -H", 0)]
    [InlineData("curl http://169.254.169.254/latest/meta-data/ -H", 1)]
    [InlineData("Invoke-RestMethod http://169.254.169.254/latest/meta-data/ -Headers", 1)]
    [InlineData("Invoke-RestMethod http://169.254.169.254/latest/meta-data/ -Headers @{", 1)]
    [InlineData("\n\n\r\n\r\r\n", 0)]
    public async Task Hostile_script_text_is_read_without_exceptions(string script, int expected)
    {
        var diagnostics = await ScriptAnalysisHarness.AnalyzeAsync(ScriptTestCode.InVerbatimConstant(script));
        Assert.Equal(expected, diagnostics.Length);
    }

    [Fact]
    public async Task A_very_long_concatenation_is_read_without_deep_recursion()
    {
        var source = new StringBuilder("class C\n{\n    string UserData = \"#!/bin/bash\\n\"");
        for (var i = 0; i < 3000; i++)
        {
            source.Append(" +\n        \"echo ").Append(i).Append("\\n\"");
        }

        source.Append(" +\n        \"curl http://169.254.169.254/latest/meta-data/instance-id\\n\";\n}\n");
        var diagnostics = await ScriptAnalysisHarness.AnalyzeAsync(source.ToString());
        Assert.Single(diagnostics);
    }

    [Fact]
    public async Task Deeply_nested_substitutions_are_read()
    {
        var script = new string('(', 5000) + "curl http://169.254.169.254/latest/meta-data/" + new string(')', 5000);
        var diagnostics = await ScriptAnalysisHarness.AnalyzeAsync(ScriptTestCode.InVerbatimConstant(script));
        Assert.Single(diagnostics);
    }

    [Fact]
    public void Random_script_text_never_breaks_the_scanner()
    {
        string[] fragments =
        [
            "curl ", "wget ", "Invoke-RestMethod ", "irm ", "iwr ", "curl.exe ", "http://", "169.254.169.254", "[fd00:ec2::254]", ":80", "/latest/",
            "meta-data/", "api/token", "-H ", "--header=", "-Headers ", "@{", "}", "$(", ")", "(", "`", "\\", "\"", "'", "#", "<#", "#>", "<<EOF",
            "EOF", "@\"", "\"@", "\n", "\r\n", " ", ";", "|", "&&", "&", ">", "X-aws-ec2-metadata-token", "-ttl-seconds", ": $TOKEN", "$token", "=",
            "if ", "then ", "fi", "for ", "do ", "done", "{", "${", "2016-09-02", MetadataUrl.Hole.ToString(), "<powershell>", "#cloud-config\n",
        ];
        var random = new Random(20240325);
        for (var round = 0; round < 3000; round++)
        {
            var text = new StringBuilder();
            var count = random.Next(1, 40);
            for (var i = 0; i < count; i++)
            {
                text.Append(fragments[random.Next(fragments.Length)]);
            }

            var script = text.ToString();
            var scan = ScriptScanner.Scan(script);
            foreach (var call in scan.TokenlessCalls())
            {
                scan.GetReportSpan(call, out var start, out var end);
                Assert.InRange(start, 0, script.Length);
                Assert.InRange(end, start, script.Length);
                Assert.InRange(call.CommandStart, start, end);
            }
        }
    }

    [Fact]
    public Task No_fix_is_offered_where_the_literal_cannot_be_followed()
    {
        const string source = "class C\n{\n    string UserData = {|#0:\"echo go\\ncurl -s http://169.254.169.254/latest/meta-data/instance-id\\\"|}\n}\n";
        var test = FixVerify.Create(source, source);
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        test.ExpectedDiagnostics.Add(FixVerify.Diagnostic("IMDS003").WithLocation(0).WithArguments("curl"));
        test.FixedState.ExpectedDiagnostics.Add(FixVerify.Diagnostic("IMDS003").WithLocation(0).WithArguments("curl"));
        test.NumberOfIncrementalIterations = 0;
        test.NumberOfFixAllIterations = 0;
        return test.RunAsync();
    }
}
