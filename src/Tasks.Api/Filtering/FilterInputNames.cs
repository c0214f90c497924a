using Tasks.Projections.Queries;

namespace Tasks.Api.Filtering;

/// <summary>The field names of the schema's operation inputs, and which of them each field kind takes.</summary>
internal static class FilterInputNames
{
    public const string And = "and";
    public const string Or = "or";
    public const string Not = "not";

    public const string Eq = "eq";
    public const string Neq = "neq";
    public const string In = "in";
    public const string Nin = "nin";
    public const string Gt = "gt";
    public const string Gte = "gte";
    public const string Lt = "lt";
    public const string Lte = "lte";
    public const string Contains = "contains";
    public const string Ncontains = "ncontains";
    public const string StartsWith = "startsWith";
    public const string NstartsWith = "nstartsWith";
    public const string EndsWith = "endsWith";
    public const string NendsWith = "nendsWith";
    public const string Like = "like";
    public const string Nlike = "nlike";

    public const string Some = "some";
    public const string All = "all";
    public const string None = "none";
    public const string Any = "any";

    // Mirrors the schema's *OperationFilterInput types, so a mapping's kind decides exactly what the schema allows.
    private static readonly HashSet<string> EqualityOperators = new([Eq, Neq], StringComparer.Ordinal);
    private static readonly HashSet<string> EnumOperators = new([Eq, Neq, In, Nin], StringComparer.Ordinal);
    private static readonly HashSet<string> ComparableOperators = new([Eq, Neq, In, Nin, Gt, Gte, Lt, Lte], StringComparer.Ordinal);
    private static readonly HashSet<string> StringOperators = new(
        [Eq, Neq, In, Nin, Gt, Gte, Lt, Lte, Contains, Ncontains, StartsWith, NstartsWith, EndsWith, NendsWith, Like, Nlike],
        StringComparer.Ordinal);

    public static bool IsCombinator(string name) => name is And or Or or Not;

    /// <summary>Whether the operation input of a scalar <paramref name="kind"/> has the operator <paramref name="name"/>.</summary>
    public static bool Accepts(FieldKind kind, string name) => kind switch
    {
        FieldKind.Text => StringOperators.Contains(name),
        FieldKind.Integer or FieldKind.Long or FieldKind.Timestamp or FieldKind.Uuid => ComparableOperators.Contains(name),
        FieldKind.Enum => EnumOperators.Contains(name),
        FieldKind.Boolean => EqualityOperators.Contains(name),
        _ => false,
    };

    /// <summary>The element kind of a list kind.</summary>
    public static FieldKind ElementKind(FieldKind listKind) => listKind switch
    {
        FieldKind.TextList => FieldKind.Text,
        FieldKind.UuidList => FieldKind.Uuid,
        _ => throw new ArgumentOutOfRangeException(nameof(listKind), listKind, "not a list kind"),
    };

    /// <summary>
    /// The GraphQL spelling of an operator as the query layer names it in errors (<c>ne</c> is <c>neq</c>,
    /// <c>some.out</c> is <c>some.nin</c>); <c>like</c> stays, as it may come from startsWith, endsWith or like.
    /// </summary>
    public static string FromQueryLanguage(string queryOperator) =>
        string.Join('.', queryOperator.Split('.').Select(part => part switch
        {
            "ne" => Neq,
            "out" => Nin,
            "ge" => Gte,
            "le" => Lte,
            "excludes" => Ncontains,
            _ => part,
        }));
}
