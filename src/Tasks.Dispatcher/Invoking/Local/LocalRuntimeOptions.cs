namespace Tasks.Dispatcher.Invoking.Local;

/// <summary>How the <c>local</c> runtime runs functions on this machine (see <see cref="LocalFunctionInvoker"/>).</summary>
/// <param name="CacheRoot">
/// Where code packages are unpacked, one directory per SHA-256 (<c>&lt;root&gt;/&lt;sha256&gt;/</c>); null means
/// <see cref="DefaultCacheRoot"/>. Several invokers and processes may share it.
/// </param>
/// <param name="NodePath">The <c>node</c> executable: a path, or a name looked up on <c>PATH</c>.</param>
/// <param name="PythonPath">The <c>python3</c> executable: a path, or a name looked up on <c>PATH</c>.</param>
/// <param name="MaxLogLines">The most log lines kept per invocation, the final "… truncated" notice included.</param>
public sealed record LocalRuntimeOptions(
    string? CacheRoot = null,
    string NodePath = "node",
    string PythonPath = "python3",
    int MaxLogLines = LocalRuntimeOptions.DefaultMaxLogLines)
{
    /// <summary>The default of <see cref="MaxLogLines"/>.</summary>
    public const int DefaultMaxLogLines = 1_000;

    /// <summary>The default of <see cref="MaxLogBytes"/> (64 KB).</summary>
    public const int DefaultMaxLogBytes = 64 * 1024;

    /// <summary>The default cache root: <c>tasks-function-code</c> in the system's temporary directory.</summary>
    public static string DefaultCacheRoot => Path.Combine(Path.GetTempPath(), "tasks-function-code");

    /// <summary>The most UTF-8 bytes of log text kept per invocation.</summary>
    public int MaxLogBytes { get; init; } = DefaultMaxLogBytes;

    /// <summary>The largest total size of a package's unpacked files (AWS Lambda's 250 MB).</summary>
    public long MaxUnpackedBytes { get; init; } = 250L * 1024 * 1024;

    /// <summary>
    /// The variables of the service's own environment a function's process inherits; nothing else is passed on, so the
    /// service's secrets stay out of reach of function code.
    /// </summary>
    public IReadOnlyList<string> InheritedEnvironmentVariables { get; init; } =
    [
        "PATH", "HOME", "USER", "LOGNAME", "LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "LC_MESSAGES", "TZ",
        "SSL_CERT_FILE", "SSL_CERT_DIR", "NODE_EXTRA_CA_CERTS",
    ];

    /// <summary>The cache root in effect: <see cref="CacheRoot"/>, or <see cref="DefaultCacheRoot"/> when unset.</summary>
    public string EffectiveCacheRoot => Path.GetFullPath(string.IsNullOrWhiteSpace(CacheRoot) ? DefaultCacheRoot : CacheRoot);
}
