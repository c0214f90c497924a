using System.Collections.Frozen;

namespace Tasks.TestSupport.Lambda;

/// <summary>
/// A function the fake Lambda knows: its deployed configuration and code, what its invocations answer (by default it
/// echoes the event), and what it received. Behaviours chain: <c>server.AddFunction("f").Logs("hi").Returns("1")</c>.
/// </summary>
public sealed class FakeLambdaFunction
{
    private readonly Lock gate;
    private readonly List<string> events = [];
    private Func<string, FakeLambdaResponse> handler = FakeLambdaResponse.Result;
    private IReadOnlyList<string> logLines = [];
    private TimeSpan delay;

    internal FakeLambdaFunction(string name, string region, Lock gate)
    {
        Name = name;
        Arn = $"arn:aws:lambda:{region}:123456789012:function:{name}";
        this.gate = gate;
    }

    /// <summary>The name.</summary>
    public string Name { get; }

    /// <summary>The ARN (account 123456789012).</summary>
    public string Arn { get; }

    /// <summary>The runtime, as deployed.</summary>
    public string? Runtime { get; internal set; }

    /// <summary>The execution role, as deployed.</summary>
    public string? Role { get; internal set; }

    /// <summary>The handler, as deployed.</summary>
    public string? Handler { get; internal set; }

    /// <summary>The description, as deployed.</summary>
    public string? Description { get; internal set; }

    /// <summary>The timeout in seconds, as deployed.</summary>
    public int Timeout { get; internal set; } = 3;

    /// <summary>The memory size in MB, as deployed.</summary>
    public int MemorySize { get; internal set; } = 128;

    /// <summary>The environment variables, as deployed.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; internal set; } = FrozenDictionary<string, string>.Empty;

    /// <summary>The code zip, as deployed (null for a function added without code).</summary>
    public IReadOnlyList<byte>? Code { get; internal set; }

    /// <summary>The base64 SHA-256 of <see cref="Code"/>.</summary>
    public string? CodeSha256 { get; internal set; }

    /// <summary>How many UpdateFunctionCode calls it took.</summary>
    public int CodeUpdates { get; internal set; }

    /// <summary>How many UpdateFunctionConfiguration calls it took.</summary>
    public int ConfigurationUpdates { get; internal set; }

    /// <summary>The events it was invoked with, oldest first.</summary>
    public IReadOnlyList<string> Events
    {
        get
        {
            lock (gate)
            {
                return [.. events];
            }
        }
    }

    internal string State { get; set; } = "Active";

    internal string LastUpdateStatus { get; set; } = "Successful";

    internal int PollsUntilSettled { get; set; }

    internal bool Busy => State == "Pending" || LastUpdateStatus == "InProgress";

    /// <summary>Invocations return <paramref name="resultJson"/> (null: an empty body).</summary>
    public FakeLambdaFunction Returns(string? resultJson) => Responds(_ => FakeLambdaResponse.Result(resultJson));

    /// <summary>Invocations fail with a function error (<c>X-Amz-Function-Error</c>).</summary>
    public FakeLambdaFunction FailsWith(string? errorType, string errorMessage, bool handled = false) =>
        Responds(_ => FakeLambdaResponse.Error(errorType, errorMessage, handled));

    /// <summary>Invocations are throttled (429).</summary>
    public FakeLambdaFunction Throttles(TimeSpan? retryAfter = null) => Responds(_ => FakeLambdaResponse.Throttled(retryAfter));

    /// <summary>Invocations get a Lambda API error.</summary>
    public FakeLambdaFunction AnswersApiError(int statusCode, string errorType, string message) =>
        Responds(_ => FakeLambdaResponse.ApiError(statusCode, errorType, message));

    /// <summary>Invocations answer what <paramref name="respond"/> makes of the event.</summary>
    public FakeLambdaFunction Responds(Func<string, FakeLambdaResponse> respond)
    {
        ArgumentNullException.ThrowIfNull(respond);
        lock (gate)
        {
            handler = respond;
        }

        return this;
    }

    /// <summary>Invocations wait <paramref name="by"/> before answering.</summary>
    public FakeLambdaFunction Delays(TimeSpan by)
    {
        lock (gate)
        {
            delay = by;
        }

        return this;
    }

    /// <summary>Invocations asking for the log tail get these lines (the last 4 KB of them, base64, as Lambda sends).</summary>
    public FakeLambdaFunction Logs(params string[] lines)
    {
        lock (gate)
        {
            logLines = [.. lines];
        }

        return this;
    }

    internal (Func<string, FakeLambdaResponse> Handler, TimeSpan Delay, IReadOnlyList<string> Logs) Invoked(string eventJson)
    {
        lock (gate)
        {
            events.Add(eventJson);
            return (handler, delay, logLines);
        }
    }
}
