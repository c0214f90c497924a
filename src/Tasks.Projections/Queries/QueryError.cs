namespace Tasks.Projections.Queries;

/// <summary>Why a query was rejected.</summary>
public enum QueryErrorCode
{
    /// <summary>A filter or sort names a field the model does not have.</summary>
    UnknownField,

    /// <summary>The operator (or quantifier) does not apply to the field's kind.</summary>
    OperatorNotSupported,

    /// <summary>A value has the wrong type for the field, is not an allowed enum value, or is a misplaced null.</summary>
    InvalidValue,

    /// <summary>An in/out list holds more values than the model allows.</summary>
    TooManyValues,

    /// <summary>The filter is nested deeper than the model allows.</summary>
    FilterTooDeep,

    /// <summary>The filter holds more conditions than the model allows.</summary>
    TooManyConditions,

    /// <summary>A sort names a field that cannot be sorted on.</summary>
    FieldNotSortable,

    /// <summary>A sort names the same field twice.</summary>
    DuplicateSortField,

    /// <summary><c>first</c> or <c>last</c> is negative or above the maximum page size.</summary>
    InvalidPageSize,

    /// <summary><c>first</c> and <c>last</c> were both given.</summary>
    ConflictingPageArguments,

    /// <summary>A cursor is not one this service produced.</summary>
    InvalidCursor,

    /// <summary>A cursor was produced for another model or another sort.</summary>
    CursorMismatch,
}

/// <summary>One reason a query was rejected, naming the field and operator (or argument) at fault when there is one.</summary>
/// <param name="Code">What kind of mistake it is.</param>
/// <param name="Message">A sentence for the caller.</param>
/// <param name="Field">The field (or paging argument, e.g. <c>after</c>) at fault, if any.</param>
/// <param name="Operator">The operator at fault in query-language spelling (e.g. <c>gt</c>, <c>some.like</c>), if any.</param>
public sealed record QueryError(QueryErrorCode Code, string Message, string? Field = null, string? Operator = null);
