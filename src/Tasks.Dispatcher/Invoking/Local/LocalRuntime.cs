using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;

namespace Tasks.Dispatcher.Invoking.Local;

/// <summary>The languages the local runtime runs.</summary>
internal enum LocalLanguage
{
    Node,
    Python,
}

/// <summary>How one language's functions are started: the executable, its arguments, and how it reports running out of memory.</summary>
internal sealed record LocalRuntime(LocalLanguage Language, string ConfiguredExecutable)
{
    // The interpreter behind each python3 found, asked once per process.
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Interpreters = new(StringComparer.Ordinal);

    /// <summary>The runtime for an AWS Lambda runtime id, or null when it does not run locally.</summary>
    public static LocalRuntime? For(string runtimeId, LocalRuntimeOptions options)
    {
        if (runtimeId.StartsWith("nodejs", StringComparison.Ordinal))
        {
            return new LocalRuntime(LocalLanguage.Node, options.NodePath);
        }

        return runtimeId.StartsWith("python3", StringComparison.Ordinal) ? new LocalRuntime(LocalLanguage.Python, options.PythonPath) : null;
    }

    /// <summary>The executable's name, for messages.</summary>
    public string ExecutableName => Language == LocalLanguage.Node ? "node" : "python3";

    /// <summary>The bootstrap for this language.</summary>
    public Bootstrap Bootstrap => Language == LocalLanguage.Node ? Bootstrap.Node : Bootstrap.Python;

    /// <summary>What the runtime writes to stderr when it dies of exhausting its memory.</summary>
    public IReadOnlyList<string> OutOfMemoryMarkers =>
        Language == LocalLanguage.Node ? ["JavaScript heap out of memory"] : ["MemoryError"];

    /// <summary>The arguments that run <paramref name="bootstrapPath"/> within <paramref name="memoryLimitMb"/>.</summary>
    public IReadOnlyList<string> Arguments(string bootstrapPath, int memoryLimitMb) =>
        Language == LocalLanguage.Node
            ? [$"--max-old-space-size={memoryLimitMb}", bootstrapPath]

            // -u: unbuffered, so output arrives in order and as it happens; -B: never write .pyc files into the shared code cache.
            : ["-u", "-B", bootstrapPath];

    /// <summary>
    /// The executable's full path, or null when it is not installed. A <c>python3</c> found on <c>PATH</c> may be a
    /// version manager's shim (pyenv, asdf), a script that takes most of a second to pick the interpreter: the
    /// interpreter it runs (<c>sys.executable</c>) is asked once and used directly.
    /// </summary>
    public async Task<string?> ResolveExecutableAsync(CancellationToken cancellationToken)
    {
        if (Locate() is not { } located)
        {
            return null;
        }

        return Language == LocalLanguage.Python
            ? await Interpreters.GetOrAdd(located, path => new Lazy<Task<string>>(() => InterpreterBehindAsync(path))).Value.WaitAsync(cancellationToken)
            : located;
    }

    private static async Task<string> InterpreterBehindAsync(string located)
    {
        var start = new ProcessStartInfo(located) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("import sys; sys.stdout.write(sys.executable or '')");
        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return located;
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
                var errors = process.StandardError.ReadToEndAsync(timeout.Token);
                await process.WaitForExitAsync(timeout.Token);
                var interpreter = (await output).Trim();
                await errors;
                return process.ExitCode == 0 && Path.IsPathFullyQualified(interpreter) && IsExecutableFile(interpreter) ? interpreter : located;
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                return located;
            }
        }
        catch (Exception e) when (e is Win32Exception or IOException or InvalidOperationException)
        {
            // Could not ask: run what was found.
            return located;
        }
    }

    private string? Locate()
    {
        var configured = ConfiguredExecutable;
        if (configured.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return IsExecutableFile(configured) ? Path.GetFullPath(configured) : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, configured);
            if (IsExecutableFile(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool IsExecutableFile(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(path) & anyExecute) != 0;
    }
}
