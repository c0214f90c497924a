using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Tasks.Benchmarks.Running;

/// <summary>
/// Runs pgbench with a custom script against the bench database, over the same host, port and
/// user as the store, so the ceiling and the measurement share the transport and the server.
/// </summary>
internal sealed partial class Pgbench(string executable)
{
    /// <summary>Runs <paramref name="script"/> with <paramref name="clients"/> connections for <paramref name="duration"/>.</summary>
    /// <exception cref="BenchmarkFailedException">pgbench is missing, failed, or had failed transactions.</exception>
    public async Task<PgbenchResult> RunAsync(NpgsqlConnectionStringBuilder connection, string script, int clients, TimeSpan duration, CpuSampler cpu, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var scriptFile = Path.Combine(Path.GetTempPath(), $"tasks-bench-{Environment.ProcessId}-{Guid.NewGuid():N}.sql");
        await File.WriteAllTextAsync(scriptFile, script + Environment.NewLine, cancellationToken);
        try
        {
            var start = new ProcessStartInfo(executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            // -n: the tables are not pgbench's own, so skip its vacuum; -M prepared: the fastest way pgbench can send them.
            foreach (var argument in (string[])[
                "-n", "-M", "prepared",
                "-c", Text(clients), "-j", Text(Math.Min(2, clients)),
                "-T", Text(Math.Max(1, (int)Math.Round(duration.TotalSeconds))),
                "-f", scriptFile,
                "-h", connection.Host ?? "localhost", "-p", Text(connection.Port),
                "-U", connection.Username ?? Environment.UserName,
                connection.Database ?? "postgres"])
            {
                start.ArgumentList.Add(argument);
            }

            if (!string.IsNullOrEmpty(connection.Password))
            {
                start.Environment["PGPASSWORD"] = connection.Password;
            }

            start.Environment["PGAPPNAME"] = "tasks-bench-pgbench";
            return await RunAsync(start, cpu, cancellationToken);
        }
        finally
        {
            File.Delete(scriptFile);
        }
    }

    private static async Task<PgbenchResult> RunAsync(ProcessStartInfo start, CpuSampler cpu, CancellationToken cancellationToken)
    {
        var serverProcesses = cpu.ServerProcessCount();
        var cpuBefore = cpu.Take();
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new BenchmarkFailedException($"could not start {start.FileName}");
        }
        catch (Win32Exception e)
        {
            throw new BenchmarkFailedException($"could not start {start.FileName} (scripts/setup.sh installs it): {e.Message}", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
                throw;
            }

            await cpu.WaitForServerProcessesAsync(serverProcesses, cancellationToken);
            var usage = cpu.Take().Since(cpuBefore);
            var text = await output;
            var tps = Tps().Match(text);
            var failed = FailedTransactions().Match(text);
            if (process.ExitCode != 0 || !tps.Success || (failed.Success && failed.Groups[1].Value != "0"))
            {
                throw new BenchmarkFailedException($"pgbench failed (exit code {process.ExitCode}):{Environment.NewLine}{text}{await errors}");
            }

            var latency = AverageLatency().Match(text);
            return new PgbenchResult(
                double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture),
                latency.Success ? double.Parse(latency.Groups[1].Value, CultureInfo.InvariantCulture) : null,
                usage);
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^tps = ([0-9.]+) \(without initial connection time\)", RegexOptions.Multiline)]
    private static partial Regex Tps();

    [GeneratedRegex(@"^number of failed transactions: (\d+)", RegexOptions.Multiline)]
    private static partial Regex FailedTransactions();

    [GeneratedRegex(@"^latency average = ([0-9.]+) ms", RegexOptions.Multiline)]
    private static partial Regex AverageLatency();
}

/// <summary>One pgbench run: transactions per second, average latency, and where the CPU went.</summary>
internal sealed record PgbenchResult(double TransactionsPerSecond, double? AverageLatencyMilliseconds, CpuUsage Cpu);
