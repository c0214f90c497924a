using System.Globalization;
using Npgsql;

namespace Tasks.EventStore.Log;

/// <summary>How 64-bit transaction ids (<c>xid8</c>) travel to the server: as text, cast there (<c>$n::text::xid8</c>).</summary>
internal static class TransactionIds
{
    public static NpgsqlParameter<string> Parameter(ulong transactionId) =>
        new() { TypedValue = transactionId.ToString(CultureInfo.InvariantCulture) };
}
