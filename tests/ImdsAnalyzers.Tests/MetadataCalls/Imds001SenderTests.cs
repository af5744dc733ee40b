using ImdsAnalyzers.MetadataCalls;
using Verify = ImdsAnalyzers.Tests.Verifiers.AnalyzerVerifier<ImdsAnalyzers.MetadataCalls.MetadataCallAnalyzer>;

namespace ImdsAnalyzers.Tests.MetadataCalls;

public class Imds001SenderTests
{
    [Fact]
    public Task HttpClient_GetStringAsync_with_literal_is_reported() => Verify.VerifyAsync(@"
using System.Net.Http;
using System.Threading.Tasks;

class C
{
    async Task<string> M()
    {
        using var http = new HttpClient();
        return await {|IMDS001:http.GetStringAsync(""http://169.254.169.254/latest/meta-data/instance-id"")|};
    }
}");
}
