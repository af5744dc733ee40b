using System.Collections.Concurrent;
using ImdsCheck.Cli;
using ImdsCheck.Scanning;
using Spectre.Console;

namespace ImdsCheck.Output;

/// <summary>Runs work with a progress display on stderr: live bars on a terminal, plain lines otherwise.</summary>
internal static class ProgressReporters
{
    public static async Task<T> RunAsync<T>(CliConsole console, bool quiet, Func<IScanProgress, Task<T>> work)
    {
        if (quiet)
        {
            return await work(NoProgress.Instance).ConfigureAwait(false);
        }

        if (!console.ErrorIsTerminal)
        {
            return await work(new LineProgress(console.Error)).ConfigureAwait(false);
        }

        T result = default!;
        await console.CreateErrorConsole().Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var progress = new LiveProgress(context);
                result = await work(progress).ConfigureAwait(false);
            }).ConfigureAwait(false);
        return result;
    }

    /// <summary>Writes a line per stage and per tenth of the metric queries, so logs stay short.</summary>
    private sealed class LineProgress(TextWriter error) : IScanProgress
    {
        private readonly ConcurrentDictionary<string, int> _lastTenth = new(StringComparer.Ordinal);

        public void InstancesDescribed(string region, int count) => Write($"{region}: {count} instances described");

        public void MetricsRead(string region, int queriesDone, int queriesTotal)
        {
            var tenth = queriesTotal == 0 ? 10 : queriesDone * 10 / queriesTotal;
            var previous = _lastTenth.GetOrAdd(region, -1);
            if (tenth > previous && _lastTenth.TryUpdate(region, tenth, previous))
            {
                Write($"{region}: metrics {queriesDone}/{queriesTotal} queries");
            }
        }

        public void RegionFinished(string region, string summary) => Write(summary);

        private void Write(string line)
        {
            lock (error)
            {
                error.WriteLine(line);
            }
        }
    }

    private sealed class LiveProgress(ProgressContext context) : IScanProgress
    {
        private readonly ConcurrentDictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);

        public void InstancesDescribed(string region, int count)
        {
            var task = Task(region);
            task.Description = Markup.Escape($"{region}: {count} instances");
        }

        public void MetricsRead(string region, int queriesDone, int queriesTotal)
        {
            var task = Task(region);
            task.MaxValue = Math.Max(1, queriesTotal);
            task.Value = queriesDone;
            task.Description = Markup.Escape($"{region}: metrics {queriesDone}/{queriesTotal}");
        }

        public void RegionFinished(string region, string summary)
        {
            var task = Task(region);
            task.Description = Markup.Escape(summary.Length > 60 ? region + ": done" : summary);
            task.Value = task.MaxValue;
            task.StopTask();
        }

        private ProgressTask Task(string region) => _tasks.GetOrAdd(region, r => context.AddTask(Markup.Escape(r), maxValue: 1));
    }
}
