using System.CommandLine;
using System.Globalization;
using ImdsCheck.Aws;
using ImdsCheck.Cli;
using ImdsCheck.Output;
using ImdsCheck.Scanning;
using Spectre.Console;

namespace ImdsCheck.Commands;

/// <summary>
/// imds-check defaults: shows each region's instance metadata defaults for new launches; with
/// --require, sets HttpTokens=required (EC2 DryRun unless --apply).
/// </summary>
internal static class DefaultsCommand
{
    public static Command Create(SharedOptions shared, RunContext context)
    {
        var output = SharedOptions.OutputOption("table", "json");
        var require = new Option<bool>("--require")
        {
            Description = "Make new launches in these regions require tokens (ModifyInstanceMetadataDefaults HttpTokens=required).",
        };
        var command = new Command("defaults", "Show the regions' instance metadata defaults for new launches; --require --apply makes them require tokens.");
        shared.AddAws(command);
        command.Options.Add(require);
        command.Options.Add(shared.Apply);
        command.Options.Add(output);
        command.SetAction((parse, cancellationToken) => ImdsCheckCli.GuardAsync(context, async () =>
        {
            var aws = shared.ReadAws(parse);
            var requireTokens = parse.GetValue(require);
            var apply = parse.GetValue(shared.Apply);
            if (apply && !requireTokens)
            {
                throw new ImdsCheckFailure("--apply needs --require: the only change defaults makes is HttpTokens=required.");
            }

            using var session = await AwsSession.CreateAsync(aws, context.Environment, context.Redactor, cancellationToken).ConfigureAwait(false);
            var regions = await RegionResolver.ResolveAsync(aws, session, context.Environment, cancellationToken).ConfigureAwait(false);
            var results = await RegionFanOut.RunAsync(regions, region => RegionAsync(session, region, requireTokens, apply, cancellationToken), cancellationToken).ConfigureAwait(false);
            var errors = results.Where(r => r.Error is not null).Select(r => r.Error!)
                .Concat(results.Where(r => r.Result?.Change?.Failed == true).Select(r => r.Result!.Change!.Error!)).ToList();
            var exitCode = errors.Count > 0 ? ExitCodes.Incomplete : ExitCodes.Ok;
            Write(context, parse.GetValue(output)!, requireTokens, apply, results.Where(r => r.Result is not null).Select(r => r.Result!).ToList(), errors, exitCode);
            return exitCode;
        }));
        return command;
    }

    private sealed record RegionDefaultsResult(string Region, RegionDefaults Defaults, ChangeRow? Change);

    private static async Task<RegionDefaultsResult> RegionAsync(AwsSession session, string region, bool requireTokens, bool apply, CancellationToken cancellationToken)
    {
        using var ec2 = new Ec2Gateway(session.CreateEc2(region), region, session.Redactor);
        var defaults = await ec2.GetDefaultsAsync(cancellationToken).ConfigureAwait(false);
        if (!requireTokens)
        {
            return new RegionDefaultsResult(region, defaults, null);
        }

        if (defaults.HttpTokens == "required")
        {
            return new RegionDefaultsResult(region, defaults, new ChangeRow(region, "HttpTokens", "required", "required", "unchanged"));
        }

        if (defaults.ManagedBy == "declarative-policy")
        {
            var why = defaults.ManagedExceptionMessage is { Length: > 0 } message ? $" ({message})" : "";
            return new RegionDefaultsResult(region, defaults, new ChangeRow(region, "HttpTokens", defaults.HttpTokens, "required", "not changed",
                $"{region}: the defaults are managed by a declarative policy{why}; change the policy instead."));
        }

        var previous = defaults.HttpTokens;
        try
        {
            var result = await ec2.RequireTokensByDefaultAsync(dryRun: !apply, cancellationToken).ConfigureAwait(false);
            if (apply)
            {
                defaults = await ec2.GetDefaultsAsync(cancellationToken).ConfigureAwait(false);
            }

            return new RegionDefaultsResult(region, defaults, new ChangeRow(region, "HttpTokens", previous, "required",
                apply ? $"changed ({result})" : "would change (dry run allowed)"));
        }
        catch (ImdsCheckFailure failure)
        {
            return new RegionDefaultsResult(region, defaults, new ChangeRow(region, "HttpTokens", defaults.HttpTokens, "required", apply ? "failed" : "dry run failed", failure.Message));
        }
    }

    private static void Write(RunContext context, string format, bool requireTokens, bool apply, List<RegionDefaultsResult> results, List<string> errors, int exitCode)
    {
        if (format == "json")
        {
            ChangeWriter.WriteJsonDocument(context.Console.Out, json =>
            {
                json.WriteString("mode", !requireTokens ? "show" : apply ? "apply" : "dry-run");
                json.WriteStartArray("regions");
                foreach (var result in results.OrderBy(r => r.Region, StringComparer.Ordinal))
                {
                    json.WriteStartObject();
                    json.WriteString("region", result.Region);
                    ScanJsonWriter.WriteDefaults(json, result.Defaults);
                    if (result.Change is { } change)
                    {
                        json.WriteString("change", change.Result);
                        if (change.Error is not null)
                        {
                            json.WriteString("error", change.Error);
                        }
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
                ChangeWriter.WriteErrorsAndExitCode(json, errors, exitCode);
            });
        }
        else
        {
            var console = context.Console.CreateOutputConsole();
            var table = new Table().Border(TableBorder.Simple).AddColumns("Region", "HttpTokens", "HttpTokensEnforced", "HttpEndpoint", "Hop limit", "Managed by");
            if (requireTokens)
            {
                table.AddColumn(apply ? "Change" : "Change (dry run)");
            }

            foreach (var result in results.OrderBy(r => r.Region, StringComparer.Ordinal))
            {
                var d = result.Defaults;
                var cells = new List<string> { result.Region, d.HttpTokens, d.HttpTokensEnforced, d.HttpEndpoint, d.HopLimit?.ToString(CultureInfo.InvariantCulture) ?? RegionDefaults.NoPreference, d.ManagedBy ?? "account" };
                if (requireTokens)
                {
                    cells.Add(result.Change is { } change ? change.Result : "");
                }

                table.AddRow(cells.Select(c => new Text(c)).ToArray());
            }

            console.Write(table);
            if (requireTokens && !apply)
            {
                console.WriteLine("Dry run: nothing changed. Run again with --require --apply to make new launches require tokens.");
            }
        }

        foreach (var error in errors)
        {
            context.Fail(error);
        }
    }
}
