using Npgsql;

namespace Tasks.EventStore.Connections;

/// <summary>The connection pool every process of the service uses, with the settings the store is measured with.</summary>
public static class EventStoreDataSource
{
    /// <summary>
    /// A data source for <paramref name="connectionString"/>. Statements the store sends again and again
    /// (appends, read-model updates, log reads) are prepared automatically after their second use, which
    /// halves the server's work per command; settings given in the connection string win.
    /// </summary>
    public static NpgsqlDataSource Create(string connectionString, string name = "tasks")
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (!HasSetting(connectionString, "Max Auto Prepare"))
        {
            settings.MaxAutoPrepare = 64;
        }

        if (!HasSetting(connectionString, "Auto Prepare Min Usages"))
        {
            settings.AutoPrepareMinUsages = 2;
        }

        return new NpgsqlDataSourceBuilder(settings.ConnectionString) { Name = name }.Build();
    }

    private static bool HasSetting(string connectionString, string key) =>
        connectionString.Contains(key, StringComparison.OrdinalIgnoreCase) || connectionString.Contains(key.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
}
