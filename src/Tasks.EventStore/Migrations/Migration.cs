namespace Tasks.EventStore.Migrations;

/// <summary>One forward-only schema change of a module, identified by its version within that module.</summary>
/// <param name="Module">The owner of the change (for example <c>eventstore</c> or <c>projections</c>).</param>
/// <param name="Version">Ordinal within the module, taken from the file name prefix (<c>001_...</c>).</param>
/// <param name="Name">The file name without its prefix, for people.</param>
/// <param name="Sql">The statements to run, in one transaction.</param>
public sealed record Migration(string Module, int Version, string Name, string Sql)
{
    /// <summary>A fingerprint of the statements, so an edited migration is noticed instead of silently skipped.</summary>
    public string Checksum => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))))[..16];
}
