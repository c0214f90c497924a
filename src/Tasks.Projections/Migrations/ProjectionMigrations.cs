using Tasks.EventStore.Migrations;

namespace Tasks.Projections.Migrations;

/// <summary>The read models' schema.</summary>
public static class ProjectionMigrations
{
    /// <summary>Every read-model migration, in order.</summary>
    public static IReadOnlyList<Migration> All => MigrationSource.FromAssembly("projections", typeof(ProjectionMigrations).Assembly);
}
