using Microsoft.Extensions.Configuration;

namespace Tasks.Dispatcher.Hosting;

/// <summary>How the dispatcher runs (configuration section <c>Dispatcher</c>).</summary>
public sealed class DispatcherOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Dispatcher";

    /// <summary>The runtime that runs functions on this machine (node and python3).</summary>
    public const string LocalRuntime = "local";

    /// <summary>The runtime that runs functions in AWS Lambda.</summary>
    public const string LambdaRuntime = "lambda";

    /// <summary>No dispatcher: the API's default.</summary>
    public const string NoRuntime = "none";

    /// <summary>Where functions run: <c>local</c> (this machine), <c>lambda</c> (AWS Lambda), or <c>none</c> (no dispatcher in this process).</summary>
    public string Runtime { get; set; } = NoRuntime;

    /// <summary>The most tasks in progress at once across every dispatcher.</summary>
    public int GlobalConcurrency { get; set; } = 32;

    /// <summary>The most tasks of one function in progress at once, by function name (others: only the global limit).</summary>
    public Dictionary<string, int> FunctionConcurrency { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The most tasks this process runs at once.</summary>
    public int MaxInFlight { get; set; } = 64;

    /// <summary>The most tasks one claim takes.</summary>
    public int ClaimBatch { get; set; } = 100;

    /// <summary>Added to a function's time limit for its task's lease; the lease never exceeds <see cref="MaxLease"/>.</summary>
    public TimeSpan LeaseGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest lease: a task that has not reported after this long is a zombie.</summary>
    public TimeSpan MaxLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the queue is polled when nothing wakes the dispatcher.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the watchdog looks for expired leases.</summary>
    public TimeSpan WatchdogInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long in-flight work may take to finish on shutdown before it is abandoned to the watchdog.</summary>
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether a dispatcher runs in this process.</summary>
    public bool IsEnabled => !string.Equals(Runtime, NoRuntime, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the <c>Dispatcher</c> section; <paramref name="defaultRuntime"/> applies when <c>Dispatcher:Runtime</c> is not set.</summary>
    public static DispatcherOptions Read(IConfiguration configuration, string defaultRuntime = NoRuntime)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var options = section.Get<DispatcherOptions>() ?? new DispatcherOptions();
        if (string.IsNullOrWhiteSpace(section[nameof(Runtime)]))
        {
            options.Runtime = defaultRuntime;
        }

        return options;
    }
}
