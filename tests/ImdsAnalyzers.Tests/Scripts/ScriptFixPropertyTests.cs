using System.Collections.Immutable;
using System.Text;
using ImdsAnalyzers.CodeFixes.Scripts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;

namespace ImdsAnalyzers.Tests.Scripts;

/// <summary>
/// Generated scripts in every literal kind, fixed by the real provider in a workspace: the fixed
/// code compiles, every call that was offered a fix is no longer reported, and a script gains at
/// most one token fetch.
/// </summary>
public class ScriptFixPropertyTests
{
    private const char HoleMarker = '\u0001';

    private static readonly string[] BashLines =
    [
        "#!/bin/bash",
        "yum -y install httpd jq",
        "curl -s http://169.254.169.254/latest/meta-data/instance-id",
        "ID=$(curl http://169.254.169.254/latest/meta-data/instance-id)",
        "wget -qO- http://169.254.169.254/latest/meta-data/placement/region > /tmp/region",
        "echo \"<h1>$(curl -s http://[fd00:ec2::254]/latest/meta-data/local-ipv4)</h1>\" > /var/www/html/index.html",
        "if [ -f /etc/app.conf ]; then",
        "  curl -sf http://169.254.169.254/latest/meta-data/ > /dev/null",
        "fi",
        "echo 'done' # finished",
        "curl -X PUT http://169.254.169.254/latest/api/token -H \"X-aws-ec2-metadata-token-ttl-seconds: 60\"",
        "REGION=$(curl -s http://169.254.169.254/latest/dynamic/instance-identity/document | jq -r .region)",
        "echo " + HoleMarker,
        "curl -s http://169.254.169.254/latest/meta-data/" + HoleMarker,
        "su ec2-user -c 'curl http://169.254.169.254/latest/meta-data/'",
        "echo \"tab\there\" \\\\ back",
    ];

    private static readonly string[] PowerShellLines =
    [
        "<powershell>",
        "$id = Invoke-RestMethod -Uri http://169.254.169.254/latest/meta-data/instance-id",
        "$az = (Invoke-WebRequest -Uri http://169.254.169.254/latest/meta-data/placement/availability-zone -Headers @{Accept = 'text/plain'} -UseBasicParsing).Content",
        "irm http://169.254.169.254/latest/meta-data/ami-id -OutFile C:\\ami.txt",
        "foreach ($p in @('instance-id', 'local-ipv4')) {",
        "    Invoke-RestMethod \"http://169.254.169.254/latest/meta-data/$p\"",
        "}",
        "Write-Host \"it's done\"",
        "curl.exe -s http://169.254.169.254/latest/meta-data/instance-id",
        "Write-Host " + HoleMarker,
        "Rename-Computer -NewName (iwr http://169.254.169.254/latest/meta-data/local-hostname -UseBasicParsing).Content",
        "</powershell>",
    ];

    public enum LiteralKind
    {
        Regular,
        Verbatim,
        Raw,
        Interpolated,
        InterpolatedVerbatim,
        InterpolatedRaw,
        InterpolatedRawTwoDollars,
        Concatenation,
        CommandList,
    }

    [Theory]
    [InlineData(LiteralKind.Regular)]
    [InlineData(LiteralKind.Verbatim)]
    [InlineData(LiteralKind.Raw)]
    [InlineData(LiteralKind.Interpolated)]
    [InlineData(LiteralKind.InterpolatedVerbatim)]
    [InlineData(LiteralKind.InterpolatedRaw)]
    [InlineData(LiteralKind.InterpolatedRawTwoDollars)]
    [InlineData(LiteralKind.Concatenation)]
    [InlineData(LiteralKind.CommandList)]
    public async Task Fixed_scripts_compile_and_are_clean(LiteralKind kind)
    {
        var random = new Random(1000 + (int)kind);
        var fixesApplied = 0;
        for (var round = 0; round < 16; round++)
        {
            var pool = round % 2 == 0 ? BashLines : PowerShellLines;
            var lines = new List<string>();
            var count = random.Next(1, 7);
            for (var i = 0; i < count; i++)
            {
                lines.Add(pool[random.Next(pool.Length)]);
            }

            var source = Render(kind, lines);
            fixesApplied += await CheckFixAllAsync(source);
            await CheckFirstSingleFixAsync(source);
        }

        // Guards the generator: a run in which nothing was ever fixed would prove nothing.
        Assert.True(fixesApplied > 0, $"no fix was applied for {kind}");
    }

    private static async Task<int> CheckFixAllAsync(string source)
    {
        var document = await CreateDocumentAsync(source);
        var before = await DiagnosticsAsync(document);
        var fixable = 0;
        foreach (var diagnostic in before)
        {
            if ((await ActionsAsync(document, diagnostic)).Length > 0)
            {
                fixable++;
            }
        }

        if (fixable == 0)
        {
            return 0;
        }

        var provider = new ScriptMetadataCallCodeFixProvider();
        var context = new FixAllContext(
            document, provider, FixAllScope.Document, ScriptMetadataCallCodeFixProvider.EquivalenceKey, ["IMDS003"], new FixedDiagnostics(before), CancellationToken.None);
        var action = await provider.GetFixAllProvider()!.GetFixAsync(context);
        Assert.NotNull(action);
        var fixedDocument = await ApplyAsync(document, action!);
        var fixedText = (await fixedDocument.GetTextAsync()).ToString();

        await AssertCompilesAsync(fixedDocument, fixedText);
        var after = await DiagnosticsAsync(fixedDocument);
        Assert.True(after.Length == before.Length - fixable, $"expected {before.Length - fixable} diagnostics after Fix All, found {after.Length} in:\n{fixedText}");
        var fetchesAdded = Occurrences(fixedText, "/latest/api/token") - Occurrences(source, "/latest/api/token");
        Assert.True(fetchesAdded <= 1, $"Fix All added {fetchesAdded} token fetches to one script:\n{fixedText}");
        return fixable;
    }

    private static async Task CheckFirstSingleFixAsync(string source)
    {
        var document = await CreateDocumentAsync(source);
        foreach (var diagnostic in await DiagnosticsAsync(document))
        {
            var actions = await ActionsAsync(document, diagnostic);
            if (actions.Length == 0)
            {
                continue;
            }

            var fixedDocument = await ApplyAsync(document, actions[0]);
            var fixedText = (await fixedDocument.GetTextAsync()).ToString();
            await AssertCompilesAsync(fixedDocument, fixedText);
            var remaining = await DiagnosticsAsync(fixedDocument);
            Assert.True(remaining.Length < (await DiagnosticsAsync(document)).Length, $"the fix left its call reported:\n{fixedText}");
            return;
        }
    }

    private static string Render(LiteralKind kind, List<string> lines)
    {
        var script = string.Join("\n", lines);
        string expression;
        switch (kind)
        {
            case LiteralKind.Regular:
                expression = "\"" + EscapeRegular(script.Replace(HoleMarker.ToString(), "name", StringComparison.Ordinal)) + "\"";
                break;
            case LiteralKind.Verbatim:
                expression = "@\"" + script.Replace(HoleMarker.ToString(), "name", StringComparison.Ordinal).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
                break;
            case LiteralKind.Raw:
                expression = RawLiteral(script.Replace(HoleMarker.ToString(), "name", StringComparison.Ordinal), "");
                break;
            case LiteralKind.Interpolated:
                expression = "$\"" + EscapeRegular(DoubleBraces(script)).Replace(HoleMarker.ToString(), "{name}", StringComparison.Ordinal) + "\"";
                break;
            case LiteralKind.InterpolatedVerbatim:
                expression = "$@\"" + DoubleBraces(script).Replace("\"", "\"\"", StringComparison.Ordinal).Replace(HoleMarker.ToString(), "{name}", StringComparison.Ordinal) + "\"";
                break;
            case LiteralKind.InterpolatedRaw:
                // A single '$' leaves no way to write a brace; such lines become plain text here.
                expression = RawLiteral(script.Replace("{", "(", StringComparison.Ordinal).Replace("}", ")", StringComparison.Ordinal).Replace(HoleMarker.ToString(), "{name}", StringComparison.Ordinal), "$");
                break;
            case LiteralKind.InterpolatedRawTwoDollars:
                expression = RawLiteral(script.Replace(HoleMarker.ToString(), "{{name}}", StringComparison.Ordinal), "$$");
                break;
            case LiteralKind.Concatenation:
                expression = string.Join(" +\n            ", lines.Select(l => "\"" + EscapeRegular(l.Replace(HoleMarker.ToString(), "\" + name + \"", StringComparison.Ordinal)) + "\\n\""));
                break;
            default:
                expression = string.Join(",\n            ", lines.Select(l => "\"" + EscapeRegular(l.Replace(HoleMarker.ToString(), "name", StringComparison.Ordinal)) + "\""));
                return "class C\n{\n    void Add(params string[] commands) { }\n    void M(string name) => Add(\n            " + expression + ");\n}\n";
        }

        return "class C\n{\n    string M(string name) => " + expression + ";\n}\n";
    }

    private static string RawLiteral(string script, string dollars)
    {
        const string indent = "        ";
        var body = string.Join("\n", script.Split('\n').Select(l => l.Length == 0 ? l : indent + l));
        return dollars + "\"\"\"\n" + body + "\n" + indent + "\"\"\"";
    }

    private static string DoubleBraces(string text) =>
        text.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);

    private static string EscapeRegular(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\n' => "\\n",
                '\t' => "\\t",
                _ => c.ToString(),
            });
        }

        // An interpolation hole in a concatenation was spliced in unescaped; undo its escaping.
        return builder.ToString().Replace("\\\" + name + \\\"", "\" + name + \"", StringComparison.Ordinal);
    }

    private static async Task<Document> CreateDocumentAsync(string source)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var project = ProjectInfo.Create(
            projectId, VersionStamp.Create(), "Scripts", "Scripts", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: await ScriptAnalysisHarness.GetReferencesAsync());
        var documentId = DocumentId.CreateNewId(projectId);
        var solution = workspace.CurrentSolution.AddProject(project).AddDocument(documentId, "Test.cs", source);
        return solution.GetDocument(documentId)!;
    }

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Document document) =>
        await ScriptAnalysisHarness.AnalyzeAsync((await document.Project.GetCompilationAsync())!);

    private static async Task<ImmutableArray<CodeAction>> ActionsAsync(Document document, Diagnostic diagnostic)
    {
        var actions = ImmutableArray.CreateBuilder<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await new ScriptMetadataCallCodeFixProvider().RegisterCodeFixesAsync(context);
        return actions.ToImmutable();
    }

    private static async Task<Document> ApplyAsync(Document document, CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return solution.GetDocument(document.Id)!;
    }

    private static async Task AssertCompilesAsync(Document document, string text)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, $"fixed code does not compile ({string.Join("; ", errors)}):\n{text}");
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private sealed class FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>([]);

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
    }
}
