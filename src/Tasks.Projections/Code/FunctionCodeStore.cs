using System.Security.Cryptography;
using Npgsql;
using Tasks.Domain.Functions;

namespace Tasks.Projections.Code;

/// <summary>Function code packages by SHA-256 (the <c>function_code</c> table).</summary>
public sealed class FunctionCodeStore(NpgsqlDataSource dataSource)
{
    /// <summary>The largest package accepted (Lambda takes 50 MB zips directly; 20 MB keeps one request within memory bounds here).</summary>
    public const int MaxPackageBytes = 20 * 1024 * 1024;

    private const string Insert =
        "INSERT INTO function_code (sha256, size_bytes, content) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING";

    private const string Select = "SELECT content FROM function_code WHERE sha256 = $1";

    /// <summary>The reference a package gets: its hash and size.</summary>
    public static CodeReference ReferenceOf(byte[] package)
    {
        ArgumentNullException.ThrowIfNull(package);
        return new CodeReference(Convert.ToHexStringLower(SHA256.HashData(package)), package.LongLength);
    }

    /// <summary>The statement that stores <paramref name="package"/> (idempotent), to run in the same transaction as the event naming it.</summary>
    public static NpgsqlBatchCommand StoreStatement(CodeReference reference, byte[] package)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var command = new NpgsqlBatchCommand(Insert);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reference.Sha256Hex });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = reference.SizeBytes });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = package });
        return command;
    }

    /// <summary>The package with hash <paramref name="sha256Hex"/>, or null.</summary>
    public async Task<byte[]?> ReadAsync(string sha256Hex, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(Select);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sha256Hex });
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }
}
