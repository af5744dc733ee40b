using System.CommandLine;
using ImdsCheck.Aws;
using ImdsCheck.Cli;
using ImdsCheck.CloudWatch;
using ImdsCheck.Output;
using ImdsCheck.Scanning;
using Spectre.Console;

namespace ImdsCheck.Commands;

/// <summary>
/// imds-check alarm: one CloudWatch alarm on MetadataNoTokenRejected per instance that requires
/// tokens (or per selected instance). Reads the existing alarms first and only writes those that
/// are missing or differ, so a second run changes nothing. Dry run unless --apply.
/// </summary>
internal static class AlarmCommand
{
    private const int ParallelCalls = 4;

    public static Command Create(SharedOptions shared, RunContext context)
    {
        var output = SharedOptions.OutputOption("table", "json");
        var topic = new Option<string?>("--sns-topic-arn")
        {
            Description = "SNS topic to notify when an alarm fires (must be in the alarm's region). Without it, existing alarm actions are kept.",
            HelpName = "ARN",
        };
        var command = new Command("alarm", "Create or update an alarm on MetadataNoTokenRejected for every instance that requires tokens (or the selected ones). Dry run unless --apply.");
        shared.AddAws(command);
        shared.AddSelection(command);
        command.Options.Add(topic);
        command.Options.Add(shared.Apply);
        command.Options.Add(output);
        command.SetAction((parse, cancellationToken) => ImdsCheckCli.GuardAsync(context, async () =>
        {
            var aws = shared.ReadAws(parse);
            var selector = shared.ReadSelection(parse);
            var snsTopicArn = parse.GetValue(topic);
            var topicRegion = AlarmDefinition.TopicRegion(snsTopicArn);
            var apply = parse.GetValue(shared.Apply);

            using var session = await AwsSession.CreateAsync(aws, context.Environment, context.Redactor, cancellationToken).ConfigureAwait(false);
            var regions = await RegionResolver.ResolveAsync(aws, session, context.Environment, cancellationToken).ConfigureAwait(false);
            if (topicRegion is not null && regions.Any(r => r != topicRegion))
            {
                throw new ImdsCheckFailure($"--sns-topic-arn is in {topicRegion}, but alarms would be created in {string.Join(", ", regions.Where(r => r != topicRegion))}; an alarm can only notify a topic in its own region.");
            }

            var results = await RegionFanOut.RunAsync(regions, region => AlarmRegionAsync(session, region, selector, snsTopicArn, apply, cancellationToken), cancellationToken).ConfigureAwait(false);
            var rows = results.SelectMany(r => r.Result ?? []).ToList();
            var errors = results.Where(r => r.Error is not null).Select(r => r.Error!).Concat(rows.Where(r => r.Failed).Select(r => r.Error!)).Distinct().ToList();
            var exitCode = errors.Count > 0 ? ExitCodes.Incomplete : ExitCodes.Ok;
            Write(context, parse.GetValue(output)!, apply, rows, errors, exitCode);
            return exitCode;
        }));
        return command;
    }

    private static async Task<List<ChangeRow>> AlarmRegionAsync(AwsSession session, string region, InstanceSelector selector, string? snsTopicArn, bool apply, CancellationToken cancellationToken)
    {
        List<InstanceFacts> instances;
        using (var ec2 = new Ec2Gateway(session.CreateEc2(region), region, session.Redactor))
        {
            instances = await ec2.DescribeInstancesAsync(selector, null, cancellationToken).ConfigureAwait(false);
        }

        // Without a selection: instances that require tokens and can answer at all.
        var targets = instances
            .Where(i => Scanner.IsLive(i.State) && selector.Matches(i))
            .Where(i => !selector.IsEmpty || (i.HttpTokens == "required" && i.HttpEndpoint != "disabled"))
            .Select(i => i.InstanceId)
            .Order(StringComparer.Ordinal)
            .ToList();

        using var cloudWatch = session.CreateCloudWatch(region);
        var existing = await ExistingAlarmsAsync(cloudWatch, region, session.Redactor, cancellationToken).ConfigureAwait(false);

        var rows = new List<ChangeRow>();
        var writes = new List<(PutMetricAlarmRequest Request, ChangeRow Row)>();
        foreach (var instanceId in targets)
        {
            var name = AlarmDefinition.NameFor(instanceId);
            existing.TryGetValue(name, out var current);
            var desired = AlarmDefinition.Desired(instanceId, snsTopicArn, current);
            if (current is null)
            {
                writes.Add((desired, new ChangeRow(region, name, "none", "alarm", apply ? "created" : "would create")));
                continue;
            }

            var differences = AlarmDefinition.Differences(desired, current);
            if (differences.Count == 0)
            {
                rows.Add(new ChangeRow(region, name, "alarm", "alarm", "unchanged"));
            }
            else
            {
                var changed = string.Join(", ", differences);
                writes.Add((desired, new ChangeRow(region, name, changed, "as imds-check defines it", apply ? "updated" : "would update")));
            }
        }

        if (!apply)
        {
            rows.AddRange(writes.Select(w => w.Row));
            return rows;
        }

        await Parallel.ForEachAsync(writes, new ParallelOptions { MaxDegreeOfParallelism = ParallelCalls, CancellationToken = cancellationToken }, async (write, token) =>
        {
            ChangeRow row;
            try
            {
                await AwsCall.CloudWatch("PutMetricAlarm", region, session.Redactor, () => cloudWatch.PutMetricAlarmAsync(write.Request, token)).ConfigureAwait(false);
                row = write.Row;
            }
            catch (ImdsCheckFailure failure)
            {
                row = write.Row with { Result = "failed", Error = failure.Message };
            }

            lock (rows)
            {
                rows.Add(row);
            }
        }).ConfigureAwait(false);
        return rows;
    }

    private static async Task<Dictionary<string, MetricAlarm>> ExistingAlarmsAsync(ICloudWatchClient cloudWatch, string region, SecretRedactor redactor, CancellationToken cancellationToken)
    {
        var alarms = new Dictionary<string, MetricAlarm>(StringComparer.Ordinal);
        var request = new DescribeAlarmsRequest { AlarmNamePrefix = AlarmDefinition.NamePrefix, AlarmTypes = ["MetricAlarm"], MaxRecords = 100 };
        var seenTokens = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var response = await AwsCall.CloudWatch("DescribeAlarms", region, redactor, () => cloudWatch.DescribeAlarmsAsync(request, cancellationToken)).ConfigureAwait(false);
            foreach (var alarm in response.MetricAlarms ?? [])
            {
                if (alarm.AlarmName is not null)
                {
                    alarms[alarm.AlarmName] = alarm;
                }
            }

            if (string.IsNullOrEmpty(response.NextToken) || !seenTokens.Add(response.NextToken))
            {
                return alarms;
            }

            request.NextToken = response.NextToken;
        }
    }

    private static void Write(RunContext context, string format, bool apply, List<ChangeRow> rows, List<string> errors, int exitCode)
    {
        if (format == "json")
        {
            ChangeWriter.WriteJsonDocument(context.Console.Out, json =>
            {
                json.WriteString("mode", apply ? "apply" : "dry-run");
                ChangeWriter.WriteJsonArray(json, "alarms", rows, "alarmName");
                ChangeWriter.WriteErrorsAndExitCode(json, errors, exitCode);
            });
        }
        else
        {
            var console = context.Console.CreateOutputConsole();
            ChangeWriter.WriteTable(console, apply ? "alarms" : "alarms (dry run: nothing changed)", rows, "Alarm");
            var creates = rows.Count(r => r.Result is "created" or "would create");
            var updates = rows.Count(r => r.Result is "updated" or "would update");
            var same = rows.Count(r => r.Result == "unchanged");
            console.WriteLine(apply
                ? $"{creates} created, {updates} updated, {same} unchanged, {rows.Count(r => r.Failed)} failed."
                : $"{creates} would be created, {updates} would be updated, {same} unchanged. Run again with --apply to write them.");
        }

        foreach (var error in errors)
        {
            context.Fail(error);
        }
    }
}
