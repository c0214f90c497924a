using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Logging;
using Npgsql;
using Tasks.Dispatcher.Invoking;
using Tasks.Dispatcher.Invoking.Local;
using Tasks.Domain.Functions;
using Tasks.Domain.Primitives;
using Tasks.EventStore.Migrations;
using Tasks.Projections;
using Tasks.Projections.Code;
using Tasks.TestSupport.Postgres;

namespace Tasks.Dispatcher.Tests.Local;

/// <summary>
/// A fresh database with the schema (for the code store), a private cache root, and a <see cref="LocalFunctionInvoker"/>
/// over them whose own log is recorded.
/// </summary>
public sealed class LocalRuntimeHarness : IAsyncDisposable
{
    private LocalRuntimeHarness(NpgsqlDataSource dataSource, string cacheRoot)
    {
        DataSource = dataSource;
        CacheRoot = cacheRoot;
        CodeStore = new FunctionCodeStore(dataSource);
        Invoker = CreateInvoker();
    }

    public NpgsqlDataSource DataSource { get; }

    public FunctionCodeStore CodeStore { get; }

    public string CacheRoot { get; }

    public RecordingLogger Log { get; } = new();

    public LocalFunctionInvoker Invoker { get; }

    public static async Task<LocalRuntimeHarness> CreateAsync()
    {
        var server = await PostgresServer.InstanceAsync();
        var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync("local"));
        await new Migrator(dataSource).ApplyAsync(TaskEventStore.Migrations);
        var cacheRoot = Path.Combine(Path.GetTempPath(), $"tasks-local-runtime-tests-{Guid.NewGuid():N}");
        return new LocalRuntimeHarness(dataSource, cacheRoot);
    }

    /// <summary>Another invoker over the same store and cache root (as another dispatcher would be).</summary>
    public LocalFunctionInvoker CreateInvoker(LocalRuntimeOptions? options = null) =>
        new(CodeStore, options ?? new LocalRuntimeOptions(CacheRoot), Log);

    /// <summary>Stores a zip of <paramref name="files"/> (path → content) and returns its reference.</summary>
    public Task<CodeReference> StoreCodeAsync(params (string Path, string Content)[] files) => StoreAsync(Zip(files));

    public async Task<CodeReference> StoreAsync(byte[] package)
    {
        var reference = FunctionCodeStore.ReferenceOf(package);
        await using var batch = DataSource.CreateBatch();
        batch.BatchCommands.Add(FunctionCodeStore.StoreStatement(reference, package));
        await batch.ExecuteNonQueryAsync();
        return reference;
    }

    public static byte[] Zip(params (string Path, string Content)[] files)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content) in files)
            {
                using var entry = archive.CreateEntry(path).Open();
                entry.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        return buffer.ToArray();
    }

    public static FunctionDefinition Function(
        CodeReference? code, string runtime = "nodejs20.x", string entryPoint = "index.handler", IDictionary<string, string>? environment = null, int memoryLimit = 128) =>
        new()
        {
            Name = "local-test",
            Runtime = runtime,
            EntryPoint = entryPoint,
            Code = code,
            TimeLimit = 10,
            MemoryLimit = memoryLimit,
            Environment = environment.ToEquatableDictionary(),
        };

    public static InvocationRequest Request(FunctionDefinition function, string eventJson = """{"data":{},"task":{"id":"00000000-0000-0000-0000-000000000000"}}""", TimeSpan? timeout = null) =>
        new(function, eventJson, timeout ?? TimeSpan.FromSeconds(20), Guid.NewGuid());

    public Task<InvocationOutcome> InvokeAsync(FunctionDefinition function, string? eventJson = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        Invoker.InvokeAsync(eventJson is null ? Request(function, timeout: timeout) : Request(function, eventJson, timeout), cancellationToken);

    /// <summary>The code directories in the cache (named by their SHA-256), without staging or bootstrap directories.</summary>
    public IReadOnlyList<string> CodeDirectories() =>
        Directory.Exists(CacheRoot) ? Directory.GetDirectories(CacheRoot).Select(d => Path.GetFileName(d)).Where(n => n.Length == 64).ToList() : [];

    /// <summary>Leftover staging directories (there should never be any once unpacking is over).</summary>
    public IReadOnlyList<string> StagingDirectories() =>
        Directory.Exists(CacheRoot) ? Directory.GetDirectories(CacheRoot, ".unpacking-*") : [];

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        try
        {
            Directory.Delete(CacheRoot, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    /// <summary>Records the invoker's own log events.</summary>
    public sealed class RecordingLogger : ILogger<LocalFunctionInvoker>
    {
        public ConcurrentQueue<(EventId Id, LogLevel Level, string Message)> Entries { get; } = new();

        public int Count(string eventName) => Entries.Count(e => e.Id.Name == eventName);

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Enqueue((eventId, logLevel, formatter(state, exception)));
    }
}
