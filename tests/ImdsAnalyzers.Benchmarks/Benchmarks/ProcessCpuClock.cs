using System.Runtime.InteropServices;
using Perfolizer.Horology;

namespace ImdsAnalyzers.Benchmarks.Benchmarks;

/// <summary>
/// CPU time consumed by this process (all threads), in nanoseconds. The machine's two cores are shared
/// with other builds: wall-clock time then measures the neighbours as much as the analyzers, while the
/// CPU time our own single-threaded compilation burns does not depend on who else is waiting for a core.
/// </summary>
public sealed class ProcessCpuClock : IClock
{
    public static readonly ProcessCpuClock Instance = new();

    private const int ClockProcessCpuTimeId = 2;
    private const int ClockThreadCpuTimeId = 3;

    public string Title => "process CPU time";

    public bool IsAvailable => OperatingSystem.IsLinux();

    public Frequency Frequency => Frequency.GHz;

    public long GetTimestamp() => Read(ClockProcessCpuTimeId);

    /// <summary>CPU time of the calling thread, in nanoseconds: what a callback itself burned, preemption excluded.</summary>
    public static long ThreadNanoseconds() => Read(ClockThreadCpuTimeId);

    private static long Read(int clock)
    {
        if (ClockGetTime(clock, out var time) != 0)
        {
            throw new InvalidOperationException($"clock_gettime({clock}) failed: " + Marshal.GetLastPInvokeError());
        }

        return time.Seconds * 1_000_000_000L + time.Nanoseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime", SetLastError = true)]
    private static extern int ClockGetTime(int clockId, out TimeSpec time);
}
