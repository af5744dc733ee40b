using ImdsAnalyzers.CodeFixes.MetadataCalls;
using ImdsAnalyzers.MetadataCalls;
using ImdsAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Verify = ImdsAnalyzers.Tests.Verifiers.CodeFixVerifier<ImdsAnalyzers.MetadataCalls.MetadataCallAnalyzer, ImdsAnalyzers.CodeFixes.MetadataCalls.TokenlessRequestCodeFixProvider>;

namespace ImdsAnalyzers.Tests.MetadataCalls;

/// <summary>The IMDS001 session-token fix, one call at a time and through Fix All.</summary>
public class SessionTokenFixTests
{
    private static readonly string Helper = SessionTokenHelperSource.Generate(new HelperCapabilities(nullableDirectives: true, httpClientSend: true, webClient: true, webRequest: true));

    [Fact]
    public Task GetStringAsync_goes_through_the_helper_and_keeps_comments()
    {
        const string source = """
            using System.Net.Http;
            using System.Threading.Tasks;

            class C
            {
                const string Base = "http://169.254.169.254/latest/meta-data/";

                async Task<string> M(HttpClient http)
                {
                    // the instance ID
                    return await {|IMDS001:http.GetStringAsync(Base + "instance-id")|}; // trailing
                }
            }
            """;
        const string fixedSource = """
            using System.Net.Http;
            using System.Threading.Tasks;
            using ImdsV2Support;

            class C
            {
                const string Base = "http://169.254.169.254/latest/meta-data/";

                async Task<string> M(HttpClient http)
                {
                    // the instance ID
                    return await ImdsSessionToken.GetStringAsync(http, Base + "instance-id"); // trailing
                }
            }
            """;
        return RunAsync(source, fixedSource);
    }

    [Fact]
    public Task Every_sender_shape_is_rewritten_and_the_helper_is_added_once_under_fix_all()
    {
        const string source = """
            using System;
            using System.IO;
            using System.Net;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;

            #pragma warning disable SYSLIB0014
            class C
            {
                const string Base = "http://169.254.169.254/latest/meta-data/";

                async Task M(HttpClient http, HttpMessageInvoker invoker, CancellationToken ct)
                {
                    var a = await {|IMDS001:http.GetByteArrayAsync(Base + "ami-id", ct)|};
                    using var s = await {|IMDS001:http.GetStreamAsync(new Uri(Base + "hostname"))|};
                    using var r1 = await {|IMDS001:http.GetAsync(Base + "local-ipv4", HttpCompletionOption.ResponseHeadersRead)|};
                    using var r2 = await {|IMDS001:http.SendAsync(new HttpRequestMessage(HttpMethod.Get, Base + "instance-type"), ct)|};
                    using var r3 = {|IMDS001:http.Send(new HttpRequestMessage(HttpMethod.Get, Base + "instance-id"))|};
                    using var r4 = await {|IMDS001:invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, Base + "mac"), ct)|};

                    using var web = new WebClient();
                    var d = {|IMDS001:web.DownloadString(Base + "ami-id")|};
                    {|IMDS001:web.DownloadFile(Base + "ami-id", "ami.txt")|};
                    var t = await {|IMDS001:web.DownloadStringTaskAsync(new Uri(Base + "ami-id"))|};

                    var request = WebRequest.Create(Base + "instance-id");
                    using var response = {|IMDS001:request.GetResponse()|};
                    using var response2 = await {|IMDS001:((HttpWebRequest)WebRequest.Create(Base + "mac")).GetResponseAsync()|};
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.IO;
            using System.Net;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;
            using ImdsV2Support;

            #pragma warning disable SYSLIB0014
            class C
            {
                const string Base = "http://169.254.169.254/latest/meta-data/";

                async Task M(HttpClient http, HttpMessageInvoker invoker, CancellationToken ct)
                {
                    var a = await ImdsSessionToken.GetByteArrayAsync(http, Base + "ami-id", ct);
                    using var s = await ImdsSessionToken.GetStreamAsync(http, new Uri(Base + "hostname"));
                    using var r1 = await ImdsSessionToken.GetAsync(http, Base + "local-ipv4", HttpCompletionOption.ResponseHeadersRead);
                    using var r2 = await ImdsSessionToken.SendAsync(http, new HttpRequestMessage(HttpMethod.Get, Base + "instance-type"), ct);
                    using var r3 = ImdsSessionToken.Send(http, new HttpRequestMessage(HttpMethod.Get, Base + "instance-id"));
                    using var r4 = await ImdsSessionToken.SendAsync(invoker, new HttpRequestMessage(HttpMethod.Get, Base + "mac"), ct);

                    using var web = new WebClient();
                    var d = ImdsSessionToken.DownloadString(web, Base + "ami-id");
                    ImdsSessionToken.DownloadFile(web, Base + "ami-id", "ami.txt");
                    var t = await ImdsSessionToken.DownloadStringTaskAsync(web, new Uri(Base + "ami-id"));

                    var request = WebRequest.Create(Base + "instance-id");
                    using var response = ImdsSessionToken.Attach(request).GetResponse();
                    using var response2 = await ImdsSessionToken.Attach(((HttpWebRequest)WebRequest.Create(Base + "mac"))).GetResponseAsync();
                }
            }
            """;
        return RunAsync(source, fixedSource);
    }

    [Fact]
    public Task Fix_all_in_solution_adds_the_helper_once_per_project()
    {
        var test = Verify.Create(
            """
            using System.Net.Http;
            using System.Threading.Tasks;
            class A { Task<string> M(HttpClient h) => {|IMDS001:h.GetStringAsync("http://169.254.169.254/latest/meta-data/instance-id")|}; }
            """,
            """
            using System.Net.Http;
            using System.Threading.Tasks;
            using ImdsV2Support;
            class A { Task<string> M(HttpClient h) => ImdsSessionToken.GetStringAsync(h, "http://169.254.169.254/latest/meta-data/instance-id"); }
            """ + "\n" + Helper);
        test.TestState.Sources.Add(("B.cs", """
            using System.Net.Http;
            using System.Threading.Tasks;
            class B { Task<string> M(HttpClient h) => {|IMDS001:h.GetStringAsync("http://[fd00:ec2::254]/latest/meta-data/ami-id")|}; }
            """));
        test.FixedState.Sources.Add(("B.cs", """
            using System.Net.Http;
            using System.Threading.Tasks;
            using ImdsV2Support;
            class B { Task<string> M(HttpClient h) => ImdsSessionToken.GetStringAsync(h, "http://[fd00:ec2::254]/latest/meta-data/ami-id"); }
            """));
        test.CodeActionEquivalenceKey = TokenlessRequestCodeFixProvider.HelperEquivalenceKey;
        return test.RunAsync();
    }

    [Fact]
    public Task In_a_file_scoped_namespace_the_helper_joins_that_namespace()
    {
        var test = Verify.Create(
            """
            using System.Net.Http;
            using System.Threading.Tasks;

            namespace App.Metadata;

            class A { Task<string> M(HttpClient h) => {|IMDS001:h.GetStringAsync("http://169.254.169.254/latest/meta-data/instance-id")|}; }
            """,
            """
            using System.Net.Http;
            using System.Threading.Tasks;

            namespace App.Metadata;

            class A { Task<string> M(HttpClient h) => ImdsSessionToken.GetStringAsync(h, "http://169.254.169.254/latest/meta-data/instance-id"); }
            """ + "\n" + SessionTokenHelperSource.Generate(new HelperCapabilities(true, true, true, true), inNamespaceBlock: false));
        return test.RunAsync();
    }

    [Fact]
    public Task An_existing_helper_is_reused()
    {
        var test = Verify.Create(
            """
            using System.Net.Http;
            using System.Threading.Tasks;
            class A { Task<string> M(HttpClient h) => {|IMDS001:h.GetStringAsync("http://169.254.169.254/latest/meta-data/instance-id")|}; }
            """,
            """
            using System.Net.Http;
            using System.Threading.Tasks;
            using ImdsV2Support;
            class A { Task<string> M(HttpClient h) => ImdsSessionToken.GetStringAsync(h, "http://169.254.169.254/latest/meta-data/instance-id"); }
            """);
        test.TestState.Sources.Add(("Helper.cs", Helper));
        test.FixedState.Sources.Add(("Helper.cs", Helper));
        return test.RunAsync();
    }

    [Fact]
    public Task Conditional_access_is_reported_but_offers_no_fix()
    {
        var test = Verify.Create(
            """
            using System.Net.Http;
            using System.Threading.Tasks;
            class A { Task<string>? M(HttpClient? h) => h?{|IMDS001:.GetStringAsync("http://169.254.169.254/latest/meta-data/instance-id")|}; }
            """,
            """
            using System.Net.Http;
            using System.Threading.Tasks;
            class A { Task<string>? M(HttpClient? h) => h?{|IMDS001:.GetStringAsync("http://169.254.169.254/latest/meta-data/instance-id")|}; }
            """);
        return test.RunAsync();
    }

    [Fact]
    public Task Helper_for_a_csharp_7_3_project_has_no_nullable_directive_and_compiles()
    {
        var test = Verify.Create(
            """
            using System.Net.Http;
            using System.Threading.Tasks;
            class A { Task<string> M(HttpClient h) { return {|IMDS001:h.GetStringAsync("http://169.254.169.254/latest/meta-data/instance-id")|}; } }
            """,
            """
            using System.Net.Http;
            using System.Threading.Tasks;
            using ImdsV2Support;
            class A { Task<string> M(HttpClient h) { return ImdsSessionToken.GetStringAsync(h, "http://169.254.169.254/latest/meta-data/instance-id"); } }
            """ + "\n" + SessionTokenHelperSource.Generate(new HelperCapabilities(nullableDirectives: false, httpClientSend: true, webClient: true, webRequest: true)));
        Assert.DoesNotContain("#nullable", SessionTokenHelperSource.Generate(new HelperCapabilities(false, true, true, true)), StringComparison.Ordinal);
        test.SolutionTransforms.Add((solution, projectId) =>
            solution.WithProjectParseOptions(projectId, new CSharpParseOptions(LanguageVersion.CSharp7_3)));
        return test.RunAsync();
    }

    [Fact]
    public async Task Generated_helper_compiles_without_warnings_for_every_capability_set()
    {
        foreach (var send in new[] { true, false })
        foreach (var web in new[] { true, false })
        foreach (var block in new[] { true, false })
        {
            var helper = SessionTokenHelperSource.Generate(new HelperCapabilities(nullableDirectives: true, httpClientSend: send, webClient: web, webRequest: web), block);
            if (!block)
            {
                helper = "namespace User.Code;\n" + helper;
            }

            var compilation = CSharpCompilation.Create(
                "HelperOnly",
                [CSharpSyntaxTree.ParseText(helper, new CSharpParseOptions(LanguageVersion.Latest))],
                Infrastructure.WorkspaceFixer.FrameworkReferences(),
                new CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: Microsoft.CodeAnalysis.NullableContextOptions.Enable, warningLevel: 9999));
            var problems = compilation.GetDiagnostics().Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).ToArray();
            Assert.True(problems.Length == 0, $"send={send} web={web} block={block}: " + string.Join(Environment.NewLine, problems.Select(p => p.ToString())));

            // The helper's own requests carry a token or are the token PUT: our analyzers must be silent on it.
            var diagnostics = await compilation.WithAnalyzers([new MetadataCallAnalyzer()]).GetAnalyzerDiagnosticsAsync();
            Assert.Empty(diagnostics);
        }
    }

    [Fact]
    public Task Aws_sdk_v4_alternative_reads_the_value_with_EC2InstanceMetadata()
    {
        var test = Verify.Create(
            """
            using System.Net;
            using System.Net.Http;
            using System.Threading.Tasks;
            #pragma warning disable SYSLIB0014
            class A
            {
                async Task<string> M(HttpClient h, WebClient w)
                {
                    var id = await {|IMDS001:h.GetStringAsync("http://169.254.169.254/latest/meta-data/instance-id")|};
                    return id + {|IMDS001:w.DownloadString("http://169.254.169.254/latest/meta-data/placement/region")|};
                }
            }
            """,
            """
            using System.Net;
            using System.Net.Http;
            using System.Threading.Tasks;
            using Amazon.Util;
            #pragma warning disable SYSLIB0014
            class A
            {
                async Task<string> M(HttpClient h, WebClient w)
                {
                    var id = await EC2InstanceMetadata.GetDataAsync("/instance-id");
                    return id + EC2InstanceMetadata.GetData("/placement/region");
                }
            }
            """,
            TestLibraries.AwsSdk);
        test.CodeActionEquivalenceKey = AwsSdkMetadataRewriter.EquivalenceKey;
        return test.RunAsync();
    }

    [Fact]
    public Task Aws_sdk_alternative_is_not_offered_for_user_data_or_ipv6()
    {
        var test = Verify.Create(
            """
            using System.Net.Http;
            using System.Threading.Tasks;
            class A
            {
                Task<string> U(HttpClient h) => {|IMDS001:h.GetStringAsync("http://169.254.169.254/latest/user-data")|};
                Task<string> V(HttpClient h) => {|IMDS001:h.GetStringAsync("http://[fd00:ec2::254]/latest/meta-data/instance-id")|};
            }
            """,
            """
            using System.Net.Http;
            using System.Threading.Tasks;
            class A
            {
                Task<string> U(HttpClient h) => {|IMDS001:h.GetStringAsync("http://169.254.169.254/latest/user-data")|};
                Task<string> V(HttpClient h) => {|IMDS001:h.GetStringAsync("http://[fd00:ec2::254]/latest/meta-data/instance-id")|};
            }
            """,
            TestLibraries.AwsSdk);
        test.CodeActionEquivalenceKey = AwsSdkMetadataRewriter.EquivalenceKey;
        return test.RunAsync();
    }

    private static Task RunAsync(string source, string fixedSource)
    {
        var test = Verify.Create(source, WithHelper(fixedSource));
        test.CodeActionEquivalenceKey = TokenlessRequestCodeFixProvider.HelperEquivalenceKey;
        return test.RunAsync();
    }

    /// <summary>The fix appends the helper to the first file it changes in a project.</summary>
    private static string WithHelper(string fixedSource, string? helper = null) => fixedSource + "\n" + (helper ?? Helper);
}
