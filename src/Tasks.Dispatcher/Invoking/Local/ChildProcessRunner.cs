using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Tasks.Dispatcher.Invoking.Local;

/// <summary>What to run: the process, its input, and what to watch for in its output.</summary>
/// <param name="Executable">The executable's full path.</param>
/// <param name="Arguments">Its arguments.</param>
/// <param name="WorkingDirectory">Its working directory.</param>
/// <param name="Environment">Its whole environment.</param>
/// <param name="Input">Written to its stdin, which is then closed.</param>
/// <param name="Sentinel">The prefix of the outcome line on stdout.</param>
/// <param name="Timeout">How long it may run before it is killed.</param>
/// <param name="StderrMarkers">Texts to look for on stderr (reported in <see cref="ChildProcessResult.SeenMarkers"/>).</param>
internal sealed record ChildProcessSpec(
    string Executable,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment,
    string Input,
    string Sentinel,
    TimeSpan Timeout,
    IReadOnlyList<string> StderrMarkers);

/// <summary>How a child process ended.</summary>
/// <param name="Outcome">The outcome line's JSON (after the sentinel), or null when none was written.</param>
/// <param name="OutcomeTruncated">Whether the outcome line was longer than the runner reads.</param>
/// <param name="TimedOut">Whether it was killed at its time limit without having reported an outcome.</param>
/// <param name="ExitCode">Its exit code (128 + the signal when a signal ended it), or null when it timed out.</param>
/// <param name="LastStderrLine">The last non-blank line it wrote to stderr.</param>
/// <param name="SeenMarkers">The <see cref="ChildProcessSpec.StderrMarkers"/> it wrote.</param>
internal sealed record ChildProcessResult(
    string? Outcome, bool OutcomeTruncated, bool TimedOut, int? ExitCode, string? LastStderrLine, IReadOnlySet<string> SeenMarkers);

/// <summary>
/// Runs one child process to its end: feeds its stdin, turns its stdout and stderr into log lines while watching for
/// the outcome line, and kills its whole process tree at the time limit, on cancellation, or when it lingers after
/// reporting.
/// </summary>
internal static class ChildProcessRunner
{
    /// <summary>The longest outcome line read (results are capped by the caller, far below this).</summary>
    public const int MaxOutcomeChars = 8 * 1024 * 1024;

    private const int MaxStderrLineChars = 64 * 1024;

    /// <summary>How long a process may take to exit by itself after reporting its outcome.</summary>
    private static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(1);

    /// <summary>How long output is still read after the process exited (descendants may hold its pipes open).</summary>
    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(1);

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Runs <paramref name="spec"/>; its output lines go to <paramref name="logs"/>.</summary>
    /// <param name="spec">What to run.</param>
    /// <param name="logs">Where its output goes.</param>
    /// <param name="onKill">Called with the process id and the reason when the runner kills it.</param>
    /// <param name="cancellationToken">Kills the process and throws <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="Win32Exception">The executable could not be started.</exception>
    public static async Task<ChildProcessResult> RunAsync(
        ChildProcessSpec spec, LogCollector logs, Action<int, string> onKill, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var process = new Process { StartInfo = StartInfo(spec) };
        process.Start();

        var outcome = new TaskCompletionSource<OutputLine>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stderr = new StderrWatch(spec.StderrMarkers);
        var stdoutPump = Task.Run(() => PumpStdoutAsync(process.StandardOutput, spec.Sentinel, logs, outcome), CancellationToken.None);
        var stderrPump = Task.Run(() => PumpStderrAsync(process.StandardError, logs, stderr), CancellationToken.None);
        var feed = FeedAsync(process.StandardInput, spec.Input);
        var exited = process.WaitForExitAsync(CancellationToken.None);

        var timedOut = false;
        var canceled = false;
        using (var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var timeLimit = Task.Delay(spec.Timeout, waiting.Token);
            var first = await Task.WhenAny(exited, outcome.Task, timeLimit);
            if (first == outcome.Task && !exited.IsCompleted)
            {
                // Reported: the bootstrap exits right away, unless the function's exit hooks hold it up.
                var grace = Task.Delay(ExitGrace, waiting.Token);
                if (await Task.WhenAny(exited, grace) != exited)
                {
                    KillTree(process, "it lingered after reporting its outcome", onKill);
                }
            }
            else if (first == timeLimit)
            {
                // An outcome that arrived meanwhile still counts.
                canceled = cancellationToken.IsCancellationRequested && !outcome.Task.IsCompleted;
                timedOut = !canceled && !outcome.Task.IsCompleted;
                KillTree(process, canceled ? "the invocation was canceled" : $"it reached its time limit of {spec.Timeout}", onKill);
            }

            await waiting.CancelAsync();
        }

        await exited;
        if (canceled)
        {
            throw new OperationCanceledException(cancellationToken);
        }

        await DrainAsync(Task.WhenAll(stdoutPump, stderrPump, feed));

        var line = outcome.Task.IsCompletedSuccessfully ? outcome.Task.Result : (OutputLine?)null;
        return new ChildProcessResult(
            line?.Text,
            line?.Truncated ?? false,
            timedOut,
            timedOut ? null : process.ExitCode,
            stderr.LastLine,
            stderr.Seen);
    }

    private static ProcessStartInfo StartInfo(ChildProcessSpec spec)
    {
        var start = new ProcessStartInfo(spec.Executable)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = Utf8,
            StandardOutputEncoding = Utf8,
            StandardErrorEncoding = Utf8,
            WorkingDirectory = spec.WorkingDirectory,
        };
        foreach (var argument in spec.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Built from nothing: the service's own environment (and its secrets) is not inherited.
        start.Environment.Clear();
        foreach (var (name, value) in spec.Environment)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    private static void KillTree(Process process, string reason, Action<int, string> onKill)
    {
        try
        {
            var id = process.Id;
            process.Kill(entireProcessTree: true);
            onKill(id, reason);
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // It exited meanwhile.
        }
    }

    private static async Task FeedAsync(StreamWriter stdin, string input)
    {
        try
        {
            await stdin.WriteAsync(input);
            await stdin.FlushAsync();
        }
        catch (IOException)
        {
            // The process ended without reading everything: its exit says why.
        }
        finally
        {
            try
            {
                stdin.Close();
            }
            catch (IOException)
            {
                // Same: the pipe is already broken.
            }
        }
    }

    private static async Task PumpStdoutAsync(StreamReader stdout, string sentinel, LogCollector logs, TaskCompletionSource<OutputLine> outcome)
    {
        var reader = new BoundedLineReader(stdout, MaxOutcomeChars);
        while (await ReadAsync(reader) is { } line)
        {
            var at = outcome.Task.IsCompleted ? -1 : line.Text.IndexOf(sentinel, StringComparison.Ordinal);
            if (at < 0)
            {
                logs.Add(line.Text, line.Truncated);
                continue;
            }

            // Output written without a trailing newline just before the outcome shares its line.
            if (at > 0)
            {
                logs.Add(line.Text[..at]);
            }

            outcome.TrySetResult(new OutputLine(line.Text[(at + sentinel.Length)..], line.Truncated));
        }
    }

    private static async Task PumpStderrAsync(StreamReader stderr, LogCollector logs, StderrWatch watch)
    {
        var reader = new BoundedLineReader(stderr, MaxStderrLineChars);
        while (await ReadAsync(reader) is { } line)
        {
            watch.Observe(line.Text);
            logs.Add(line.Text, line.Truncated);
        }
    }

    private static async ValueTask<OutputLine?> ReadAsync(BoundedLineReader reader)
    {
        try
        {
            return await reader.ReadLineAsync();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The pipe went away (a pump abandoned after the process was disposed): that is the end of the output.
            return null;
        }
    }

    private static async Task DrainAsync(Task pumps)
    {
        try
        {
            await pumps.WaitAsync(DrainGrace);
        }
        catch (TimeoutException)
        {
            // A descendant still holds the output open: what was read is what there is (the log collector is sealed next).
        }
    }

    /// <summary>What stderr said that matters when no outcome arrives.</summary>
    private sealed class StderrWatch(IReadOnlyList<string> markers)
    {
        private readonly HashSet<string> seen = new(StringComparer.Ordinal);
        private readonly Lock gate = new();
        private string? lastLine;

        public string? LastLine
        {
            get
            {
                lock (gate)
                {
                    return lastLine;
                }
            }
        }

        public IReadOnlySet<string> Seen
        {
            get
            {
                lock (gate)
                {
                    return seen.ToHashSet(StringComparer.Ordinal);
                }
            }
        }

        public void Observe(string line)
        {
            lock (gate)
            {
                if (!string.IsNullOrWhiteSpace(line))
                {
                    lastLine = line;
                }

                foreach (var marker in markers)
                {
                    if (line.Contains(marker, StringComparison.Ordinal))
                    {
                        seen.Add(marker);
                    }
                }
            }
        }
    }
}
