using System.Text.Json;
using ImdsCheck.Commands;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ImdsCheck.Output;

/// <summary>Prints the changes a command made or would make, as a table or as JSON.</summary>
internal static class ChangeWriter
{
    public static void WriteTable(IAnsiConsole console, string title, IReadOnlyList<ChangeRow> rows, string targetHeader = "Instance")
    {
        console.Write(new Rule(Markup.Escape(title)) { Justification = Justify.Left });
        if (rows.Count == 0)
        {
            console.WriteLine("nothing to change");
            return;
        }

        var table = new Table().Border(TableBorder.Simple).AddColumns("Region", targetHeader, "From", "To", "Result");
        foreach (var row in rows.OrderBy(r => r.Region, StringComparer.Ordinal).ThenBy(r => r.Target, StringComparer.Ordinal))
        {
            table.AddRow(new IRenderable[]
            {
                new Text(row.Region), new Text(row.Target), new Text(row.From), new Text(row.To),
                new Text(row.Error is null ? row.Result : $"{row.Result}: {row.Error}", row.Failed ? new Style(Color.Red) : Style.Plain),
            });
        }

        console.Write(table);
    }

    public static void WriteJsonArray(Utf8JsonWriter json, string name, IEnumerable<ChangeRow> rows, string targetName = "instanceId")
    {
        json.WriteStartArray(name);
        foreach (var row in rows)
        {
            json.WriteStartObject();
            json.WriteString("region", row.Region);
            json.WriteString(targetName, row.Target);
            json.WriteString("from", row.From);
            json.WriteString("to", row.To);
            json.WriteString("result", row.Result);
            if (row.Error is not null)
            {
                json.WriteString("error", row.Error);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>The closing members every command's JSON document has.</summary>
    public static void WriteErrorsAndExitCode(Utf8JsonWriter json, IEnumerable<string> errors, int exitCode)
    {
        json.WriteStartArray("errors");
        foreach (var error in errors)
        {
            json.WriteStringValue(error);
        }

        json.WriteEndArray();
        json.WriteNumber("exitCode", exitCode);
    }

    public static void WriteJsonDocument(TextWriter output, Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
