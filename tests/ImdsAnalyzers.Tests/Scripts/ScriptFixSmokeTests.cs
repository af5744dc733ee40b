using ImdsAnalyzers.CodeFixes.Scripts;
using ImdsAnalyzers.Scripts;
using Verify = ImdsAnalyzers.Tests.Verifiers.CodeFixVerifier<ImdsAnalyzers.Scripts.ScriptMetadataCallAnalyzer, ImdsAnalyzers.CodeFixes.Scripts.ScriptMetadataCallCodeFixProvider>;

namespace ImdsAnalyzers.Tests.Scripts;

public class ScriptFixSmokeTests
{
    [Fact]
    public Task Regular()
    {
        const string source = """
            class C
            {
                string UserData = "#!/bin/bash\n{|IMDS003:curl -s http://169.254.169.254/latest/meta-data/instance-id|}\necho done\n";
            }
            """;
        const string fixedSource = """
            class C
            {
                string UserData = "#!/bin/bash\nTOKEN=$(curl -s -X PUT http://169.254.169.254/latest/api/token -H \"X-aws-ec2-metadata-token-ttl-seconds: 21600\")\ncurl -H \"X-aws-ec2-metadata-token: $TOKEN\" -s http://169.254.169.254/latest/meta-data/instance-id\necho done\n";
            }
            """;
        return Verify.VerifyAsync(source, fixedSource);
    }

    [Fact]
    public Task AddCommands()
    {
        const string source = """
            class C
            {
                void Add(params string[] commands) { }
                void M()
                {
                    Add(
                        "yum -y update",
                        "{|IMDS003:ID=$(curl -s http://169.254.169.254/latest/meta-data/instance-id)|}",
                        "{|IMDS003:wget -qO- http://169.254.169.254/latest/meta-data/placement/region|}");
                }
            }
            """;
        const string fixedSource = """
            class C
            {
                void Add(params string[] commands) { }
                void M()
                {
                    Add(
                        "yum -y update",
                        "TOKEN=$(curl -s -X PUT http://169.254.169.254/latest/api/token -H \"X-aws-ec2-metadata-token-ttl-seconds: 21600\")",
                        "ID=$(curl -H \"X-aws-ec2-metadata-token: $TOKEN\" -s http://169.254.169.254/latest/meta-data/instance-id)",
                        "wget --header=\"X-aws-ec2-metadata-token: $TOKEN\" -qO- http://169.254.169.254/latest/meta-data/placement/region");
                }
            }
            """;
        var test = Verify.Create(source, fixedSource);
        test.NumberOfFixAllIterations = 1;
        return test.RunAsync();
    }
}
