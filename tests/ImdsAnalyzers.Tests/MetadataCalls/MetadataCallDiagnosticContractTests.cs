using System.Collections.Immutable;
using ImdsAnalyzers.MetadataCalls;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using static ImdsAnalyzers.Tests.MetadataCalls.MetadataSources;

namespace ImdsAnalyzers.Tests.MetadataCalls;

/// <summary>
/// The parts of the diagnostics that the IMDS001 code fix and outside tools rely on: the reported node,
/// message arguments, and the Sender/Url/Problems properties.
/// </summary>
public class MetadataCallDiagnosticContractTests
{
    [Fact]
    public async Task Imds001_reports_on_the_whole_invocation_with_sender_and_full_url()
    {
        var (diagnostic, root) = await SingleAsync(InMethod(@"
        using var http = new HttpClient();
        var id = await http.GetStringAsync(MetadataBase + ""instance-id"");", @"    const string MetadataBase = ""http://169.254.169.254/latest/meta-data/"";"));

        Assert.Equal("IMDS001", diagnostic.Id);
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        Assert.IsType<InvocationExpressionSyntax>(node);
        Assert.Equal("http.GetStringAsync(MetadataBase + \"instance-id\")", node.ToString());
        Assert.Equal("GetStringAsync", diagnostic.Properties[MetadataCallAnalyzer.SenderProperty]);
        Assert.Equal("http://169.254.169.254/latest/meta-data/instance-id", diagnostic.Properties[MetadataCallAnalyzer.UrlProperty]);
        Assert.Equal(
            "'HttpClient.GetStringAsync' requests 'http://169.254.169.254/latest/meta-data/instance-id' from the instance metadata service without the 'X-aws-ec2-metadata-token' header; this is an IMDSv1 call, counted as MetadataNoToken and rejected with 401 once the instance requires tokens",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Imds001_with_only_a_known_prefix_has_no_url_property()
    {
        var (diagnostic, _) = await SingleAsync(InMethod(@"
        using var web = new WebClient();
        web.DownloadString(""http://169.254.169.254/latest/meta-data/"" + path);"));

        Assert.Equal("DownloadString", diagnostic.Properties[MetadataCallAnalyzer.SenderProperty]);
        Assert.False(diagnostic.Properties.ContainsKey(MetadataCallAnalyzer.UrlProperty));
        Assert.Contains("'WebClient.DownloadString' requests 'http://169.254.169.254/latest/meta-data/'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Imds001_names_the_web_request_type_that_declares_the_sender()
    {
        var (diagnostic, root) = await SingleAsync(InMethod(@"
        var request = (HttpWebRequest)WebRequest.Create(""http://169.254.169.254/latest/meta-data/ami-id"");
        using var response = request.GetResponse();"));

        Assert.Equal("request.GetResponse()", root.FindNode(diagnostic.Location.SourceSpan).ToString());
        Assert.Equal("GetResponse", diagnostic.Properties[MetadataCallAnalyzer.SenderProperty]);
        Assert.StartsWith("'HttpWebRequest.GetResponse' requests 'http://169.254.169.254/latest/meta-data/ami-id'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Imds001_url_property_is_the_combined_base_address_url()
    {
        var (diagnostic, _) = await SingleAsync(InMethod(@"
        using var http = new HttpClient { BaseAddress = new Uri(""http://169.254.169.254:80/latest/"") };
        await http.GetAsync(""meta-data/instance-id"");"));

        Assert.Equal("GetAsync", diagnostic.Properties[MetadataCallAnalyzer.SenderProperty]);
        Assert.Equal("http://169.254.169.254/latest/meta-data/instance-id", diagnostic.Properties[MetadataCallAnalyzer.UrlProperty]);
    }

    [Theory]
    [InlineData("http.GetStringAsync(\"http://169.254.169.254/2021-03-23/api/token\")", "Method,MissingTtl,DatedPath")]
    [InlineData("http.SendAsync(new HttpRequestMessage(HttpMethod.Put, \"http://169.254.169.254/latest/api/token\") { Headers = { { \"X-Forwarded-For\", \"a\" }, { \"X-aws-ec2-metadata-token-ttl-seconds\", \"0\" } } })", "TtlOutOfRange,ForwardedFor")]
    [InlineData("http.PutAsync(\"http://169.254.169.254/latest/api/token\", null)", "MissingTtl")]
    public async Task Imds002_problems_property_lists_each_problem(string call, string problems)
    {
        var (diagnostic, root) = await SingleAsync(InMethod(@"
        using var http = new HttpClient();
        await " + call + ";"));

        Assert.Equal("IMDS002", diagnostic.Id);
        Assert.Equal(call, root.FindNode(diagnostic.Location.SourceSpan).ToString());
        Assert.Equal(problems, diagnostic.Properties[MetadataCallAnalyzer.ProblemsProperty]);
        Assert.Equal(TokenRequestCheck.FromPropertyValue(problems), TokenRequestCheck.FromPropertyValue(diagnostic.Properties[MetadataCallAnalyzer.ProblemsProperty]));
    }

    [Fact]
    public void Problems_property_round_trips()
    {
        var all = TokenRequestProblems.Method | TokenRequestProblems.MissingTtl | TokenRequestProblems.TtlOutOfRange | TokenRequestProblems.ForwardedFor | TokenRequestProblems.DatedPath;
        Assert.Equal("Method,MissingTtl,TtlOutOfRange,ForwardedFor,DatedPath", TokenRequestCheck.ToPropertyValue(all));
        Assert.Equal(all, TokenRequestCheck.FromPropertyValue(TokenRequestCheck.ToPropertyValue(all)));
        Assert.Equal(TokenRequestProblems.None, TokenRequestCheck.FromPropertyValue(null));
    }

    [Fact]
    public void Analyzer_supports_exactly_imds001_and_imds002()
    {
        var ids = new MetadataCallAnalyzer().SupportedDiagnostics.Select(d => d.Id).ToArray();
        Assert.Equal(new[] { "IMDS001", "IMDS002" }, ids);
    }

    private static async Task<(Diagnostic Diagnostic, SyntaxNode Root)> SingleAsync(string source)
    {
        var references = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest));
        var compilation = CSharpCompilation.Create("Contract", new[] { tree }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new MetadataCallAnalyzer()), new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false))
            .GetAllDiagnosticsAsync();
        var ours = diagnostics.Where(d => d.Id.StartsWith("IMDS", StringComparison.Ordinal) || d.Id == "AD0001").ToArray();
        Assert.Single(ours);
        return (ours[0], await tree.GetRootAsync());
    }
}
