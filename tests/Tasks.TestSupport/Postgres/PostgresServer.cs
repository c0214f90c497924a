using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Tasks.TestSupport.Postgres;

/// <summary>
/// One PostgreSQL server per test process: the one named by <c>ConnectionStrings__Postgres</c>,
/// or else a throwaway cluster made with initdb in a temporary directory on a free port.
/// Tests never share a database: each asks for its own with <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);
    private readonly string adminConnectionString;
    private readonly string? dataDirectory;
    private readonly string? binDirectory;
    private string? startOptions;
    private int databaseCounter;

    private PostgresServer(string adminConnectionString, string? dataDirectory, string? binDirectory)
    {
        this.adminConnectionString = adminConnectionString;
        this.dataDirectory = dataDirectory;
        this.binDirectory = binDirectory;
    }

    /// <summary>The server shared by every test of this process, started on first use.</summary>
    public static Task<PostgresServer> InstanceAsync() => Shared.Value;

    /// <summary>A connection string to the server's maintenance database.</summary>
    public string AdminConnectionString => adminConnectionString;

    /// <summary>Creates a fresh, empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? prefix = null)
    {
        var name = $"{prefix ?? "t"}_{Environment.ProcessId}_{Interlocked.Increment(ref databaseCounter)}_{Guid.NewGuid():N}".ToLowerInvariant();
        name = name[..Math.Min(name.Length, 60)];
        await using (var connection = new NpgsqlConnection(adminConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new PostgresServer(configured, null, null);
        }

        return await StartClusterAsync(crashSafe: false);
    }

    /// <summary>
    /// A throwaway cluster of the caller's own, not shared: for tests that stop and restart the database under the
    /// service. Dispose of it with <see cref="DeleteAsync"/>.
    /// </summary>
    public static Task<PostgresServer> StartDedicatedAsync() => StartClusterAsync(crashSafe: true);

    /// <summary>Crashes the server (immediate shutdown, as a power loss would), waits <paramref name="downtime"/>, and starts it again with its data.</summary>
    /// <exception cref="InvalidOperationException">The server is a configured one, which tests must not restart.</exception>
    public async Task CrashAndRestartAsync(TimeSpan downtime)
    {
        var (data, bin, options) = (dataDirectory, binDirectory, startOptions);
        if (data is null || bin is null || options is null)
        {
            throw new InvalidOperationException("Only a throwaway cluster started by the tests can be restarted.");
        }

        await RunAsync(Path.Combine(bin, "pg_ctl"), $"-D {data} -m immediate -w stop", IsRoot);
        await Task.Delay(downtime);
        await RunAsync(Path.Combine(bin, "pg_ctl"), $"-D {data} -l {data}/server.log -w -t 60 -o \"{options}\" start", IsRoot);
    }

    /// <summary>Stops a dedicated cluster and deletes its data.</summary>
    public Task DeleteAsync()
    {
        Stop(IsRoot);
        return Task.CompletedTask;
    }

    private static bool IsRoot => Environment.UserName == "root";

    // crashSafe: commits reach the operating system before they are acknowledged (synchronous_commit on), so a crash of
    // the server (not of the machine) loses nothing acknowledged; fsync stays off, as the machine does not crash.
    private static async Task<PostgresServer> StartClusterAsync(bool crashSafe)
    {
        var bin = FindBinDirectory();
        var data = Path.Combine(Path.GetTempPath(), $"tasks-pg-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(data);
        var asRoot = IsRoot;
        if (asRoot)
        {
            // PostgreSQL refuses to run as root; the cluster belongs to the postgres OS user.
            await RunAsync("chown", $"postgres:postgres {data}");
        }

        var port = FreePort();
        await RunAsync(Path.Combine(bin, "initdb"), $"-D {data} -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync", asRoot);
        // Durability is irrelevant for throwaway test data; fsync off keeps CREATE DATABASE fast.
        var options = $"-c port={port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={data} -c fsync=off -c synchronous_commit={(crashSafe ? "on" : "off")} -c full_page_writes=off -c max_connections=300 -c shared_buffers=128MB";
        await RunAsync(Path.Combine(bin, "pg_ctl"), $"-D {data} -l {data}/server.log -w -t 60 -o \"{options}\" start", asRoot);

        var server = new PostgresServer($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false", data, bin) { startOptions = options };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop(asRoot);
        return server;
    }

    private void Stop(bool asRoot)
    {
        if (dataDirectory is null || binDirectory is null)
        {
            return;
        }

        try
        {
            RunAsync(Path.Combine(binDirectory, "pg_ctl"), $"-D {dataDirectory} -m immediate -w stop", asRoot).GetAwaiter().GetResult();
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            // Best effort at process exit: a leftover temporary directory is harmless.
        }
    }

    private static string FindBinDirectory()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Order(StringComparer.Ordinal).Reverse()
            : [];
        foreach (var candidate in candidates.Append("/usr/local/bin").Append("/usr/bin"))
        {
            if (File.Exists(Path.Combine(candidate, "initdb")) && File.Exists(Path.Combine(candidate, "pg_ctl")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("PostgreSQL server binaries (initdb, pg_ctl) not found: run scripts/setup.sh or set ConnectionStrings__Postgres.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, string arguments, bool asPostgresUser = false)
    {
        var start = asPostgresUser
            ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}")
            : new ProcessStartInfo(file, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} exited with {process.ExitCode}: {await stdout}{await stderr}");
        }
    }
}
