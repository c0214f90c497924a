using System.Diagnostics.CodeAnalysis;

namespace Tasks.Projections.Queries;

/// <summary>How a queryable field is stored, and so which operators and values it accepts.</summary>
public enum FieldKind
{
    /// <summary>A <c>text</c> column; values are <see cref="string"/>.</summary>
    Text,

    /// <summary>An <c>integer</c> column; values are <see cref="int"/> (or a <see cref="long"/> in range).</summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Named after the query language's field kinds.")]
    Integer,

    /// <summary>A <c>bigint</c> column; values are <see cref="long"/> or <see cref="int"/>.</summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Named after the query language's field kinds.")]
    Long,

    /// <summary>A <c>boolean</c> column; values are <see cref="bool"/>.</summary>
    Boolean,

    /// <summary>A <c>timestamptz</c> column; values are <see cref="DateTimeOffset"/> (or a UTC <see cref="DateTime"/>).</summary>
    Timestamp,

    /// <summary>A <c>uuid</c> column; values are <see cref="Guid"/>.</summary>
    Uuid,

    /// <summary>
    /// A <c>text</c> column restricted to a known set of values; values are one of those strings. It sorts by its
    /// text, not by declaration order.
    /// </summary>
    Enum,

    /// <summary>A <c>text[]</c> column; element values are <see cref="string"/>.</summary>
    TextList,

    /// <summary>A <c>uuid[]</c> column; element values are <see cref="Guid"/>.</summary>
    UuidList,
}
