using Npgsql;
using Tasks.EventStore.Migrations;
using Tasks.EventStore.Notifications;
using Tasks.EventStore.Writing;
using Tasks.TestSupport.Postgres;

namespace Tasks.EventStore.Tests;

/// <summary>A fresh database with the event store's schema, and a store over it.</summary>
public sealed class TestStore : IAsyncDisposable
{
    private TestStore(string connectionString, NpgsqlDataSource dataSource, EventStore store)
    {
        ConnectionString = connectionString;
        DataSource = dataSource;
        Store = store;
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public EventStore Store { get; }

    public static async Task<TestStore> CreateAsync(params IInlineProjection[] projections)
    {
        var server = await PostgresServer.InstanceAsync();
        var connectionString = await server.CreateDatabaseAsync("es");
        var dataSource = NpgsqlDataSource.Create(connectionString);
        await new Migrator(dataSource).ApplyAsync(MigrationSource.EventStore);
        return new TestStore(connectionString, dataSource, new EventStore(dataSource, TestEventTypes.Create(), projections, new LogSignal()));
    }

    /// <summary>A second store on the same database, as another process would have.</summary>
    public EventStore AnotherProcess() => new(DataSource, TestEventTypes.Create(), [], new LogSignal());

    public async Task<long> ScalarAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
