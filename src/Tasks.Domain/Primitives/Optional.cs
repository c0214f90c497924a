namespace Tasks.Domain.Primitives;

/// <summary>
/// A value that may be absent, distinct from <c>null</c>: a partial update needs to tell
/// "leave this field alone" from "set this field to null".
/// </summary>
/// <typeparam name="T">The value type (may itself be nullable).</typeparam>
public readonly record struct Optional<T>
{
    private readonly T value;

    /// <summary>Creates a present value.</summary>
    /// <param name="value">The value.</param>
    public Optional(T value)
    {
        this.value = value;
        HasValue = true;
    }

    /// <summary>Whether a value is present.</summary>
    public bool HasValue { get; }

    /// <summary>The value; throws when absent.</summary>
    public T Value => HasValue ? value : throw new InvalidOperationException("The optional value is absent.");

    /// <summary>Returns the value when present, else <paramref name="fallback"/>.</summary>
    /// <param name="fallback">The value to use when absent.</param>
    /// <returns>The value or the fallback.</returns>
    public T Or(T fallback) => HasValue ? value : fallback;

    /// <summary>Wraps a present value.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator Optional<T>(T value) => new(value);

    /// <inheritdoc />
    public override string ToString() => HasValue ? $"Some({value})" : "None";
}

/// <summary>Factory methods for <see cref="Optional{T}"/>.</summary>
public static class Optional
{
    /// <summary>A present value.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The optional.</returns>
    public static Optional<T> Of<T>(T value) => new(value);

    /// <summary>An absent value.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <returns>The optional.</returns>
    public static Optional<T> None<T>() => default;
}
