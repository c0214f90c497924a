using Npgsql;
using Tasks.EventStore.Migrations;
using Tasks.TestSupport.Postgres;

namespace Tasks.EventStore.Tests;

public sealed class MigrationsTests
{
    [Fact]
    public async Task Several_processes_starting_at_once_apply_each_migration_exactly_once()
    {
        var server = await PostgresServer.InstanceAsync();
        var connectionString = await server.CreateDatabaseAsync("mig");
        var starts = Enumerable.Range(0, 6).Select(async _ =>
        {
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            return await new Migrator(dataSource).ApplyAsync(MigrationSource.EventStore);
        });

        var applied = await Task.WhenAll(starts);

        Assert.Equal(MigrationSource.EventStore.Count, applied.Sum(a => a.Count));
        await using var check = NpgsqlDataSource.Create(connectionString);
        await using var count = check.CreateCommand("SELECT count(*) FROM schema_migrations WHERE module = 'eventstore'");
        Assert.Equal((long)MigrationSource.EventStore.Count, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_migration_edited_after_it_was_applied_is_refused()
    {
        var server = await PostgresServer.InstanceAsync();
        await using var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync("mig"));
        var original = new Migration("sample", 1, "create_things", "CREATE TABLE things (id int)");
        await new Migrator(dataSource).ApplyAsync([original]);

        var edited = original with { Sql = "CREATE TABLE things (id bigint)" };

        var error = await Assert.ThrowsAsync<MigrationException>(() => new Migrator(dataSource).ApplyAsync([edited]));
        Assert.Contains("001_create_things", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_migration_leaves_no_trace_and_stops_the_ones_after_it()
    {
        var server = await PostgresServer.InstanceAsync();
        await using var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync("mig"));
        Migration[] migrations =
        [
            new("sample", 1, "good", "CREATE TABLE good (id int)"),
            new("sample", 2, "bad", "CREATE TABLE half (id int); SELECT no_such_function()"),
            new("sample", 3, "later", "CREATE TABLE later (id int)"),
        ];

        await Assert.ThrowsAsync<PostgresException>(() => new Migrator(dataSource).ApplyAsync(migrations));

        await using var tables = dataSource.CreateCommand("SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE tablename IN ('good', 'half', 'later')");
        Assert.Equal("good", await tables.ExecuteScalarAsync());
    }
}
