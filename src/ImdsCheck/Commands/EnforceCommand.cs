using System.CommandLine;
using ImdsCheck.Aws;
using ImdsCheck.Cli;
using ImdsCheck.Output;
using ImdsCheck.Scanning;
using Spectre.Console;

namespace ImdsCheck.Commands;

/// <summary>
/// imds-check enforce: HttpTokens=required on the instances a fresh scan in the same run calls
/// ready, and nothing else. Dry run (EC2 DryRun calls) unless --apply.
/// </summary>
internal static class EnforceCommand
{
    private const int ParallelCalls = 8;

    public static Command Create(SharedOptions shared, RunContext context)
    {
        var output = SharedOptions.OutputOption("table", "json");
        var rollback = new Option<string?>("--rollback")
        {
            Description = "Restore the settings recorded in this rollback file (dry run unless --apply).",
            HelpName = "FILE",
        };
        var saveRollback = new Option<string?>("--save-rollback")
        {
            Description = "Where --apply writes the rollback file (default: imds-check-rollback-<time>.json in the current directory).",
            HelpName = "FILE",
        };
        var command = new Command("enforce", "Require tokens (HttpTokens=required) on ready instances only, after a fresh scan. Dry run unless --apply.");
        shared.AddAws(command);
        shared.AddSelection(command);
        command.Options.Add(shared.Days);
        command.Options.Add(shared.Apply);
        command.Options.Add(rollback);
        command.Options.Add(saveRollback);
        command.Options.Add(output);
        command.SetAction((parse, cancellationToken) => ImdsCheckCli.GuardAsync(context, async () =>
        {
            var aws = shared.ReadAws(parse);
            var apply = parse.GetValue(shared.Apply);
            var format = parse.GetValue(output)!;
            var selector = shared.ReadSelection(parse);
            if (parse.GetValue(rollback) is { } rollbackPath)
            {
                if (!selector.IsEmpty || aws.Regions.Count > 0 || aws.AllRegions)
                {
                    throw new ImdsCheckFailure("--rollback takes its regions and instances from the file; drop --region, --all-regions, --instance-ids and --tag.");
                }

                return await RollbackAsync(context, aws, rollbackPath, apply, format, cancellationToken).ConfigureAwait(false);
            }

            var window = MetricWindow.EndingAt(context.UtcNow(), parse.GetValue(shared.Days));
            var rollbackFile = apply ? Path.GetFullPath(parse.GetValue(saveRollback) ?? RollbackFile.DefaultPath(context.UtcNow())) : null;
            return await EnforceAsync(context, aws, selector, window, apply, rollbackFile, format, parse.GetValue(shared.Quiet), cancellationToken).ConfigureAwait(false);
        }));
        return command;
    }

    private static async Task<int> EnforceAsync(RunContext context, AwsOptions aws, InstanceSelector selector, MetricWindow window, bool apply,
        string? rollbackPath, string format, bool quiet, CancellationToken cancellationToken)
    {
        using var session = await AwsSession.CreateAsync(aws, context.Environment, context.Redactor, cancellationToken).ConfigureAwait(false);
        var regions = await RegionResolver.ResolveAsync(aws, session, context.Environment, cancellationToken).ConfigureAwait(false);
        var reports = await ProgressReporters.RunAsync(context.Console, quiet,
            progress => new Scanner(session) { IncludeDefaults = false }.ScanAsync(regions, selector, window, progress, cancellationToken)).ConfigureAwait(false);

        // The only instances enforce may touch: ready in this run's scan, and selected.
        var candidates = reports.Where(r => r.Error is null)
            .SelectMany(r => r.Instances.Where(i => i.Status == InstanceStatus.Ready && selector.Matches(i.Facts)).Select(i => (r.Region, Instance: i)))
            .ToList();
        var skipped = reports.SelectMany(r => r.Instances.Where(i => i.Status is not (InstanceStatus.Ready or InstanceStatus.Enforced)).Select(i => (r.Region, Instance: i))).ToList();

        RollbackFile? rollback = null;
        if (apply && candidates.Count > 0)
        {
            rollback = new RollbackFile
            {
                CreatedAt = context.UtcNow(),
                Tool = "imds-check " + typeof(EnforceCommand).Assembly.GetName().Version,
                Changes = candidates.Select(c => new RollbackEntry
                {
                    Region = c.Region,
                    InstanceId = c.Instance.Facts.InstanceId,
                    Previous = new PreviousSettings
                    {
                        HttpTokens = c.Instance.Facts.HttpTokens,
                        HttpEndpoint = c.Instance.Facts.HttpEndpoint,
                        HttpPutResponseHopLimit = c.Instance.Facts.HopLimit,
                    },
                }).ToList(),
            };
            rollback.Save(rollbackPath!);
        }

        var rows = await ModifyAsync(session, candidates.Select(c => (c.Region, c.Instance.Facts.InstanceId, From: c.Instance.Facts.HttpTokens ?? "optional", To: "required")).ToList(),
            apply, context, cancellationToken).ConfigureAwait(false);

        if (rollback is not null)
        {
            var results = rows.ToDictionary(r => (r.Region, r.Target));
            foreach (var entry in rollback.Changes)
            {
                var row = results[(entry.Region, entry.InstanceId)];
                entry.Result = row.Failed ? "failed" : "applied";
                entry.AppliedAt = row.Failed ? null : context.UtcNow();
                entry.Error = row.Error;
            }

            rollback.Save(rollbackPath!);
        }

        var exitCode = rows.Any(r => r.Failed) ? ExitCodes.Incomplete : ScanSummary.ExitCode(reports);
        Write(context, format, apply, rows, skipped, reports, rollback is null ? null : rollbackPath, exitCode);
        return exitCode;
    }

    /// <summary>ModifyInstanceMetadataOptions per instance; a dry run proves each call would be allowed.</summary>
    internal static async Task<List<ChangeRow>> ModifyAsync(AwsSession session, IReadOnlyList<(string Region, string InstanceId, string From, string To)> changes,
        bool apply, RunContext context, CancellationToken cancellationToken)
    {
        var rows = new List<ChangeRow>();
        foreach (var region in changes.GroupBy(c => c.Region))
        {
            using var ec2 = new Ec2Gateway(session.CreateEc2(region.Key), region.Key, session.Redactor);
            await Parallel.ForEachAsync(region, new ParallelOptions { MaxDegreeOfParallelism = ParallelCalls, CancellationToken = cancellationToken }, async (change, token) =>
            {
                ChangeRow row;
                try
                {
                    var state = await ec2.SetHttpTokensAsync(change.InstanceId, change.To, dryRun: !apply, token).ConfigureAwait(false);
                    row = new ChangeRow(change.Region, change.InstanceId, change.From, change.To, apply ? $"changed ({state})" : "would change (dry run allowed)");
                }
                catch (ImdsCheckFailure failure)
                {
                    row = new ChangeRow(change.Region, change.InstanceId, change.From, change.To, apply ? "failed" : "dry run failed", failure.Message);
                }

                lock (rows)
                {
                    rows.Add(row);
                }
            }).ConfigureAwait(false);
        }

        foreach (var error in rows.Where(r => r.Failed).Select(r => r.Error!).Distinct().Take(5))
        {
            context.Fail(error);
        }

        return rows;
    }

    private static async Task<int> RollbackAsync(RunContext context, AwsOptions aws, string path, bool apply, string format, CancellationToken cancellationToken)
    {
        var file = RollbackFile.Load(path);
        var entries = file.Changes.Where(e => e.Result != "failed").ToList();
        using var session = await AwsSession.CreateAsync(aws, context.Environment, context.Redactor, cancellationToken).ConfigureAwait(false);
        var rows = await ModifyAsync(session, entries.Select(e => (e.Region, e.InstanceId, From: "required", To: e.Previous!.HttpTokens!)).ToList(), apply, context, cancellationToken).ConfigureAwait(false);
        var exitCode = rows.Any(r => r.Failed) ? ExitCodes.Incomplete : ExitCodes.Ok;
        if (format == "json")
        {
            ChangeWriter.WriteJsonDocument(context.Console.Out, json =>
            {
                json.WriteString("mode", apply ? "apply" : "dry-run");
                json.WriteString("rollbackFile", Path.GetFullPath(path));
                ChangeWriter.WriteJsonArray(json, "changes", rows);
                json.WriteNumber("exitCode", exitCode);
            });
        }
        else
        {
            var console = context.Console.CreateOutputConsole();
            ChangeWriter.WriteTable(console, apply ? "rollback" : "rollback (dry run: nothing changed)", rows);
            console.WriteLine(apply
                ? $"{rows.Count(r => !r.Failed)} instances restored, {rows.Count(r => r.Failed)} failed"
                : $"{rows.Count(r => !r.Failed)} instances would be restored; run again with --apply to restore them");
        }

        return exitCode;
    }

    private static void Write(RunContext context, string format, bool apply, List<ChangeRow> rows, List<(string Region, InstanceReport Instance)> skipped,
        List<RegionReport> reports, string? rollbackPath, int exitCode)
    {
        if (format == "json")
        {
            ChangeWriter.WriteJsonDocument(context.Console.Out, json =>
            {
                json.WriteString("mode", apply ? "apply" : "dry-run");
                json.WriteString("rollbackFile", rollbackPath);
                ChangeWriter.WriteJsonArray(json, "changes", rows);
                json.WriteStartArray("skipped");
                foreach (var (region, instance) in skipped)
                {
                    json.WriteStartObject();
                    json.WriteString("region", region);
                    json.WriteString("instanceId", instance.Facts.InstanceId);
                    json.WriteString("status", instance.Status.ToCliName());
                    json.WriteString("reason", instance.Reason);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                ChangeWriter.WriteErrorsAndExitCode(json, reports.Where(r => r.Error is not null).Select(r => r.Error!), exitCode);
            });
        }
        else
        {
            var console = context.Console.CreateOutputConsole();
            ChangeWriter.WriteTable(console, apply ? "enforce" : "enforce (dry run: nothing changed)", rows);
            if (skipped.Count > 0)
            {
                console.Write(new Rule("left unchanged") { Justification = Justify.Left });
                var table = new Table().Border(TableBorder.Simple).AddColumns("Region", "Instance", "Status", "Reason");
                foreach (var (region, instance) in skipped.OrderBy(s => s.Region, StringComparer.Ordinal).ThenBy(s => s.Instance.Facts.InstanceId, StringComparer.Ordinal))
                {
                    table.AddRow(new Text(region), new Text(instance.Facts.InstanceId), new Text(instance.Status.ToCliName()), new Text(instance.Reason));
                }

                console.Write(table);
            }

            var ok = rows.Count(r => !r.Failed);
            console.WriteLine(apply
                ? $"{ok} instances now require tokens; {rows.Count - ok} failed; {skipped.Count} left unchanged (not ready)."
                : $"{ok} instances would require tokens; {skipped.Count} left unchanged (not ready). Run again with --apply to change them.");
            if (rollbackPath is not null)
            {
                console.WriteLine($"rollback file: {rollbackPath} (undo with: imds-check enforce --rollback {rollbackPath} --apply)");
            }
        }

        foreach (var report in reports.Where(r => r.Error is not null))
        {
            context.Fail(report.Error!);
        }
    }
}
