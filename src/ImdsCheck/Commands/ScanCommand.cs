using System.CommandLine;
using ImdsCheck.Aws;
using ImdsCheck.Cli;
using ImdsCheck.Output;
using ImdsCheck.Scanning;

namespace ImdsCheck.Commands;

/// <summary>imds-check scan: settings joined with MetadataNoToken / MetadataNoTokenRejected, one status per instance.</summary>
internal static class ScanCommand
{
    public static Command Create(SharedOptions shared, RunContext context)
    {
        var output = SharedOptions.OutputOption("table", "json", "csv");
        var command = new Command("scan", "Report, per instance, whether tokens can be required safely (ready), callers still need fixing (in-use), calls are failing (broken), it is done (enforced) or the data is not enough (unknown).");
        shared.AddAws(command);
        shared.AddSelection(command);
        command.Options.Add(shared.Days);
        command.Options.Add(output);
        command.SetAction((parse, cancellationToken) => ImdsCheckCli.GuardAsync(context, async () =>
        {
            var aws = shared.ReadAws(parse);
            var selector = shared.ReadSelection(parse);
            var window = MetricWindow.EndingAt(context.UtcNow(), parse.GetValue(shared.Days));
            var format = parse.GetValue(output)!;

            using var session = await AwsSession.CreateAsync(aws, context.Environment, context.Redactor, cancellationToken).ConfigureAwait(false);
            var regions = await RegionResolver.ResolveAsync(aws, session, context.Environment, cancellationToken).ConfigureAwait(false);
            var reports = await ProgressReporters.RunAsync(context.Console, parse.GetValue(shared.Quiet),
                progress => new Scanner(session).ScanAsync(regions, selector, window, progress, cancellationToken)).ConfigureAwait(false);

            var exitCode = ScanSummary.ExitCode(reports);
            WriteReports(context, format, reports, window, exitCode);
            return exitCode;
        }));
        return command;
    }

    internal static void WriteReports(RunContext context, string format, IReadOnlyList<RegionReport> reports, MetricWindow window, int exitCode)
    {
        switch (format)
        {
            case "json":
                ScanJsonWriter.Write(context.Console.Out, reports, window, exitCode);
                break;
            case "csv":
                ScanCsvWriter.Write(context.Console.Out, reports);
                break;
            default:
                ScanTableWriter.Write(context.Console.CreateOutputConsole(), reports);
                break;
        }

        foreach (var report in reports.Where(r => r.Error is not null))
        {
            context.Fail(report.Error!);
        }
    }
}
