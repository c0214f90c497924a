using System.Collections;
using System.Runtime.CompilerServices;

namespace Tasks.Domain.Primitives;

/// <summary>
/// An immutable list that compares by content, so that records holding lists (events, states)
/// are equal when built the same way; <see cref="IReadOnlyList{T}"/> fields would compare by reference.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
[CollectionBuilder(typeof(EquatableList), nameof(EquatableList.Create))]
public sealed class EquatableList<T> : IReadOnlyList<T>, IEquatable<EquatableList<T>>
{
    private readonly T[] items;

    /// <summary>Creates a list holding a copy of <paramref name="items"/>.</summary>
    /// <param name="items">The elements, in order.</param>
    public EquatableList(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        this.items = [.. items];
    }

    private EquatableList(T[] owned) => items = owned;

    /// <inheritdoc />
    public int Count => items.Length;

    /// <inheritdoc />
    public T this[int index] => items[index];

    /// <summary>Returns a new list with <paramref name="item"/> appended; this list is unchanged.</summary>
    /// <param name="item">The element to append.</param>
    /// <returns>The longer list.</returns>
    public EquatableList<T> Append(T item) => new([.. items, item]);

    /// <inheritdoc />
    public bool Equals(EquatableList<T>? other) =>
        other is not null && (ReferenceEquals(this, other) || items.AsSpan().SequenceEqual(other.items, EqualityComparer<T>.Default));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as EquatableList<T>);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <summary>Compares two lists by content.</summary>
    /// <param name="left">The first list.</param>
    /// <param name="right">The second list.</param>
    /// <returns>Whether both hold equal elements in the same order.</returns>
    public static bool operator ==(EquatableList<T>? left, EquatableList<T>? right) =>
        left is null ? right is null : left.Equals(right);

    /// <summary>Compares two lists by content.</summary>
    /// <param name="left">The first list.</param>
    /// <param name="right">The second list.</param>
    /// <returns>Whether the lists differ.</returns>
    public static bool operator !=(EquatableList<T>? left, EquatableList<T>? right) => !(left == right);

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => "[" + string.Join(", ", items) + "]";

    internal static EquatableList<T> Own(T[] owned) => new(owned);
}

/// <summary>Factory methods for <see cref="EquatableList{T}"/> (also used by collection expressions).</summary>
public static class EquatableList
{
    /// <summary>Creates a list from a span; used by collection expressions such as <c>["a", "b"]</c>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="items">The elements, in order.</param>
    /// <returns>The list.</returns>
    public static EquatableList<T> Create<T>(ReadOnlySpan<T> items) => EquatableList<T>.Own(items.ToArray());
}
