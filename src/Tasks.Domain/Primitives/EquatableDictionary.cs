using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Tasks.Domain.Primitives;

/// <summary>
/// An immutable dictionary that compares by content (order of entries does not matter), so that
/// records holding maps are equal when built the same way. Enumeration keeps insertion order.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public sealed class EquatableDictionary<TKey, TValue> : IReadOnlyDictionary<TKey, TValue>, IEquatable<EquatableDictionary<TKey, TValue>>
    where TKey : notnull
{
    private readonly Dictionary<TKey, TValue> map;

    /// <summary>Creates a dictionary holding a copy of <paramref name="entries"/>.</summary>
    /// <param name="entries">The entries; a repeated key is an error.</param>
    public EquatableDictionary(IEnumerable<KeyValuePair<TKey, TValue>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        map = [];
        foreach (var (key, value) in entries)
        {
            map.Add(key, value);
        }
    }

    /// <summary>An empty dictionary.</summary>
    public EquatableDictionary()
        : this([])
    {
    }

    /// <inheritdoc />
    public TValue this[TKey key] => map[key];

    /// <inheritdoc />
    public IEnumerable<TKey> Keys => map.Keys;

    /// <inheritdoc />
    public IEnumerable<TValue> Values => map.Values;

    /// <inheritdoc />
    public int Count => map.Count;

    /// <inheritdoc />
    public bool ContainsKey(TKey key) => map.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value) => map.TryGetValue(key, out value);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => map.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(EquatableDictionary<TKey, TValue>? other)
    {
        if (other is null || other.Count != Count)
        {
            return false;
        }

        foreach (var (key, value) in map)
        {
            if (!other.map.TryGetValue(key, out var otherValue) || !EqualityComparer<TValue>.Default.Equals(value, otherValue))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as EquatableDictionary<TKey, TValue>);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        // Order-independent: equal dictionaries may have been filled in different orders.
        var hash = 0;
        foreach (var (key, value) in map)
        {
            hash ^= HashCode.Combine(key, value);
        }

        return HashCode.Combine(Count, hash);
    }

    /// <summary>Compares two dictionaries by content.</summary>
    /// <param name="left">The first dictionary.</param>
    /// <param name="right">The second dictionary.</param>
    /// <returns>Whether both hold the same entries.</returns>
    public static bool operator ==(EquatableDictionary<TKey, TValue>? left, EquatableDictionary<TKey, TValue>? right) =>
        left is null ? right is null : left.Equals(right);

    /// <summary>Compares two dictionaries by content.</summary>
    /// <param name="left">The first dictionary.</param>
    /// <param name="right">The second dictionary.</param>
    /// <returns>Whether the dictionaries differ.</returns>
    public static bool operator !=(EquatableDictionary<TKey, TValue>? left, EquatableDictionary<TKey, TValue>? right) => !(left == right);

    /// <inheritdoc />
    public override string ToString() => "{" + string.Join(", ", map.Select(e => $"{e.Key}: {e.Value}")) + "}";
}
