using ImdsAnalyzers.Scripts;
using Verify = ImdsAnalyzers.Tests.Verifiers.AnalyzerVerifier<ImdsAnalyzers.Scripts.ScriptMetadataCallAnalyzer>;

namespace ImdsAnalyzers.Tests.Scripts;

public class ScriptAnalyzerSmokeTests
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
        return Verify.VerifyAsync(source);
    }

    [Fact]
    public Task Interpolated()
    {
        const string source = """
            class C
            {
                string M(string path) => $"#!/bin/bash\n{|IMDS003:curl -s http://169.254.169.254/latest/meta-data/{path}|}\n";
            }
            """;
        return Verify.VerifyAsync(source);
    }
}
