using System.Diagnostics;
using System.Globalization;

namespace Tasks.Benchmarks.Running;

/// <summary>
/// Takes <see cref="CpuSample"/>s from /proc. The server is the postmaster given (found from a
/// backend's parent) and its children; the postmaster's "children's time" keeps the CPU of
/// backends that exited, so pgbench's short-lived connections are counted too.
/// </summary>
internal sealed class CpuSampler(int? postmasterPid)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ, 100 on every Linux this runs on.

    /// <summary>A sampler that reads only this process and the machine (the server is not local, or not Linux).</summary>
    public static CpuSampler ClientOnly { get; } = new(null);

    /// <summary>The postmaster of a local backend, or null when the backend is not a local PostgreSQL process.</summary>
    public static int? FindPostmaster(int backendPid, string? dataDirectory)
    {
        if (ReadStat(backendPid) is not { } backend || Comm(backendPid) != "postgres" || Comm(backend.ParentPid) != "postgres")
        {
            return null;
        }

        // Another cluster on this machine may have a process with the remote backend's pid: match the data directory when it is known.
        if (dataDirectory is not null && !Read($"/proc/{backend.ParentPid}/cmdline").Replace('\0', ' ').Contains(dataDirectory, StringComparison.Ordinal))
        {
            return null;
        }

        return backend.ParentPid;
    }

    public CpuSample Take()
    {
        using var process = Process.GetCurrentProcess();
        var self = ReadStat(Environment.ProcessId);
        var (busy, total) = ReadMachine();
        return new CpuSample(
            Stopwatch.GetTimestamp(),
            process.TotalProcessorTime,
            self is { } s ? Seconds(s.ChildrenTicks) : TimeSpan.Zero,
            postmasterPid is { } pid ? ServerCpu(pid) : null,
            busy,
            total);
    }

    /// <summary>The server's processes now (backends, background workers, and exited ones not yet reaped), or null if unknown.</summary>
    public int? ServerProcessCount() => postmasterPid is { } pid ? Children(pid).Count() : null;

    /// <summary>
    /// Waits (briefly) until the server is back to <paramref name="count"/> processes: the backends
    /// of a finished pgbench run must be reaped before a sample, or their CPU would land in the next window.
    /// </summary>
    public async Task WaitForServerProcessesAsync(int? count, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency;
        while (count is { } expected && ServerProcessCount() > expected && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(10, cancellationToken);
        }
    }

    private static IEnumerable<ProcStat> Children(int postmaster)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && ReadStat(pid) is { } child
                && child.ParentPid == postmaster)
            {
                yield return child;
            }
        }
    }

    private static TimeSpan? ServerCpu(int postmaster)
    {
        if (ReadStat(postmaster) is not { } root)
        {
            return null;
        }

        var ticks = root.OwnTicks + root.ChildrenTicks;
        foreach (var child in Children(postmaster))
        {
            ticks += child.OwnTicks;
        }

        return Seconds(ticks);
    }

    private static TimeSpan Seconds(long ticks) => TimeSpan.FromSeconds(ticks / TicksPerSecond);

    // /proc/<pid>/stat: "pid (comm) state ppid ... utime stime cutime cstime ..."; comm may hold spaces, so split after the last ')'.
    private static ProcStat? ReadStat(int pid)
    {
        var text = Read($"/proc/{pid}/stat");
        var end = text.LastIndexOf(')');
        if (end < 0)
        {
            return null;
        }

        var fields = text[(end + 2)..].Split(' ');
        if (fields.Length < 15)
        {
            return null;
        }

        long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
        return new ProcStat((int)Field(4), Field(14) + Field(15), Field(16) + Field(17));
    }

    private static string Comm(int pid) => Read($"/proc/{pid}/comm").Trim();

    // The first line of /proc/stat is "cpu user nice system idle iowait irq softirq steal ..." in clock ticks.
    private static (long Busy, long Total) ReadMachine()
    {
        var line = Read("/proc/stat").Split('\n', 2)[0];
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 6 || fields[0] != "cpu")
        {
            return (0, 0);
        }

        long total = 0;
        for (var i = 1; i < fields.Length && i <= 8; i++)
        {
            total += long.Parse(fields[i], CultureInfo.InvariantCulture);
        }

        var idle = long.Parse(fields[4], CultureInfo.InvariantCulture) + long.Parse(fields[5], CultureInfo.InvariantCulture);
        return (total - idle, total);
    }

    // Processes come and go between listing and reading: a vanished one reads as empty.
    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return string.Empty;
        }
        catch (UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    private readonly record struct ProcStat(int ParentPid, long OwnTicks, long ChildrenTicks);
}
