using System.Runtime.InteropServices;

namespace ImdsAnalyzers.Runtime.Benchmarks;

/// <summary>
/// CPU time used by this process (client and loopback server together), with nanosecond resolution. Unlike wall
/// time it does not grow while other processes hold the shared cores, so it shows the work a variant adds.
/// </summary>
internal static partial class ProcessCpuClock
{
    private const int ClockProcessCpuTimeId = 2;

    public static bool IsAvailable { get; } = OperatingSystem.IsLinux() && TryRead(out _);

    public static double NowMicroseconds() => TryRead(out var value) ? value : double.NaN;

    private static bool TryRead(out double microseconds)
    {
        if (clock_gettime(ClockProcessCpuTimeId, out var time) != 0)
        {
            microseconds = double.NaN;
            return false;
        }

        microseconds = (time.Seconds * 1_000_000.0) + (time.Nanoseconds / 1_000.0);
        return true;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int clock_gettime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
