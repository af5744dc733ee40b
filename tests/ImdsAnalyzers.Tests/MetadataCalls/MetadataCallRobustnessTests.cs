using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using static ImdsAnalyzers.Tests.MetadataCalls.MetadataSources;
using Verify = ImdsAnalyzers.Tests.Verifiers.AnalyzerVerifier<ImdsAnalyzers.MetadataCalls.MetadataCallAnalyzer>;

namespace ImdsAnalyzers.Tests.MetadataCalls;

/// <summary>
/// Broken and partial code: the verifier fails a test on any analyzer exception (AD0001), so each of
/// these proves the analyzer survives the shape. Compiler errors are not what is under test.
/// </summary>
public class MetadataCallRobustnessTests
{
    private static Task VerifyBrokenAsync(string source, params DiagnosticResult[] expected)
    {
        var test = Verify.Create(source);
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task Unterminated_call() => VerifyBrokenAsync(InMethod(@"
        using var http = new HttpClient();
        await http.GetStringAsync("));

    [Fact]
    public Task Unterminated_call_with_metadata_url_still_reports() => VerifyBrokenAsync(
        InMethod(@"
        using var http = new HttpClient();
        var s = http.GetStringAsync(""http://169.254.169.254/latest/meta-data/"""),
        Verify.Diagnostic("IMDS001").WithSpan(17, 17, 18, 1));

    [Fact]
    public Task Unterminated_string_literal() => VerifyBrokenAsync(InMethod(@"
        using var http = new HttpClient();
        await http.GetStringAsync(""http://169.254.169.254/latest/meta-data/);"),
        Verify.Diagnostic("IMDS001").WithSpan(17, 15, 18, 1).WithArguments("HttpClient.GetStringAsync", "http://169.254.169.254/latest/meta-data/);"));

    [Fact]
    public Task Missing_arguments() => VerifyBrokenAsync(InMethod(@"
        using var http = new HttpClient();
        await http.GetStringAsync();
        await http.SendAsync();
        using var web = new WebClient();
        web.DownloadString();
        WebRequest.Create().GetResponse();"));

    [Fact]
    public Task Unresolved_types_and_members() => VerifyBrokenAsync(InMethod(@"
        var http = new NoSuchClient();
        await http.GetStringAsync(""http://169.254.169.254/latest/meta-data/"");
        using var real = new HttpClient();
        await real.GetStringAsync(NoSuchConstant + ""x"");
        await real.GetStringAsync(string.Format(NoSuchFormat, 1));
        await real.SendAsync(new HttpRequestMessage(HttpMethod.NoSuchMethod, ""http://169.254.169.254/latest/api/token""));
        var request = WebRequest.Create(undefined);
        request.Headers.Add(undefinedName, ""x"");
        request.GetResponse();"));

    [Fact]
    public Task Wrong_argument_types() => VerifyBrokenAsync(InMethod(@"
        using var http = new HttpClient();
        await http.GetStringAsync(42);
        await http.SendAsync(""http://169.254.169.254/latest/meta-data/"");
        using var web = new WebClient();
        web.DownloadString(new object());"));

    [Fact]
    public Task Garbage_inside_initializers_and_format_strings() => VerifyBrokenAsync(InMethod(@"
        using var http = new HttpClient { BaseAddress = , DefaultRequestHeaders = { { } } };
        await http.GetStringAsync(string.Format(""{0"", ""http://169.254.169.254/latest/""));
        await http.GetStringAsync(string.Format(""{99}"", ""x""));
        await http.GetStringAsync($""{MetadataBase,10}{path:x}"");
        var request = new HttpRequestMessage(HttpMethod.Put, ""http://169.254.169.254/latest/api/token"") { Headers = { { ""X-aws-ec2-metadata-token-ttl-seconds"" } } };
        await {|IMDS002:http.SendAsync(request)|};", @"    const string MetadataBase = ""http://169.254.169.254/latest/meta-data/"";"));

    [Fact]
    public Task Recursive_and_circular_values() => VerifyBrokenAsync(InMethod(@"
        using var http = new HttpClient();
        string url = url + ""x"";
        for (var i = 0; i < 3; i++) { url = url + i; }
        await http.GetStringAsync(url);
        await http.GetStringAsync(A);
        await http.GetStringAsync(P);", @"
    static readonly string A = A;
    static string P => P;"));

    [Fact]
    public Task Top_level_statements_and_lambdas() => VerifyBrokenAsync(Usings + @"
var http = new HttpClient();
Func<Task<string>> read = () => {|IMDS001:http.GetStringAsync(""http://169.254.169.254/latest/meta-data/instance-id"")|};
await read();
");

    [Fact]
    public Task Missing_http_references()
    {
        var test = Verify.Create(InMethod(@"
        using var http = new HttpClient();
        await http.GetStringAsync(""http://169.254.169.254/latest/meta-data/instance-id"");
        using var web = new WebClient();
        web.DownloadString(""http://169.254.169.254/latest/meta-data/instance-id"");"));
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            foreach (var reference in project.MetadataReferences)
            {
                if (reference is PortableExecutableReference pe && pe.FilePath is { } path
                    && (path.Contains("System.Net.Http", StringComparison.OrdinalIgnoreCase) || path.Contains("System.Net.WebClient", StringComparison.OrdinalIgnoreCase) || path.Contains("System.Net.Requests", StringComparison.OrdinalIgnoreCase)))
                {
                    solution = solution.RemoveMetadataReference(projectId, reference);
                }
            }

            return solution;
        });
        return test.RunAsync();
    }

    [Fact]
    public Task Analyzer_registers_nothing_without_senders()
    {
        // Only the core library: no HttpClient, WebClient or WebRequest at all.
        var test = Verify.Create(@"class C { void M() { var s = ""http://169.254.169.254/latest/meta-data/""; } }");
        test.ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            foreach (var reference in project.MetadataReferences)
            {
                if (reference is PortableExecutableReference pe && pe.FilePath is { } path && !path.EndsWith("System.Runtime.dll", StringComparison.OrdinalIgnoreCase))
                {
                    solution = solution.RemoveMetadataReference(projectId, reference);
                }
            }

            return solution;
        });
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        return test.RunAsync();
    }
}
