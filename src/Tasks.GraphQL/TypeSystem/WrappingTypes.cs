namespace Tasks.GraphQL.TypeSystem;

/// <summary>A list of values of another type.</summary>
/// <param name="OfType">The element type.</param>
public sealed record ListType(IGraphQLType OfType) : IGraphQLType
{
    /// <inheritdoc />
    public TypeKind Kind => TypeKind.List;

    /// <inheritdoc />
    public override string ToString() => $"[{OfType}]";
}

/// <summary>Values of another type that are never null.</summary>
public sealed record NonNullType : IGraphQLType
{
    /// <summary>Wraps <paramref name="ofType"/>, which must itself be nullable.</summary>
    public NonNullType(IGraphQLType ofType)
    {
        ArgumentNullException.ThrowIfNull(ofType);
        OfType = ofType is NonNullType ? throw new ArgumentException("a non-null type cannot wrap another non-null type", nameof(ofType)) : ofType;
    }

    /// <summary>The nullable type wrapped.</summary>
    public IGraphQLType OfType { get; }

    /// <inheritdoc />
    public TypeKind Kind => TypeKind.NonNull;

    /// <inheritdoc />
    public override string ToString() => $"{OfType}!";
}
