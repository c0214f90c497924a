namespace Tasks.Domain.Primitives;

/// <summary>Conversions to the value-equal collections, treating <c>null</c> as empty.</summary>
public static class EquatableCollections
{
    /// <summary>Copies a sequence into an <see cref="EquatableList{T}"/>; <c>null</c> gives the empty list.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="items">The elements, in order, or <c>null</c>.</param>
    /// <returns>The list (the same instance when it already is one).</returns>
    public static EquatableList<T> ToEquatableList<T>(this IEnumerable<T>? items) =>
        items switch
        {
            null => [],
            EquatableList<T> already => already,
            _ => new EquatableList<T>(items),
        };

    /// <summary>Copies entries into an <see cref="EquatableDictionary{TKey, TValue}"/>; <c>null</c> gives the empty one.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="entries">The entries, or <c>null</c>.</param>
    /// <returns>The dictionary (the same instance when it already is one).</returns>
    public static EquatableDictionary<TKey, TValue> ToEquatableDictionary<TKey, TValue>(this IEnumerable<KeyValuePair<TKey, TValue>>? entries)
        where TKey : notnull =>
        entries switch
        {
            null => new EquatableDictionary<TKey, TValue>(),
            EquatableDictionary<TKey, TValue> already => already,
            _ => new EquatableDictionary<TKey, TValue>(entries),
        };
}
