using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Linq.Expressions;
using System.Reflection;
using Tasks.GraphQL.Execution.Results;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.GraphQL.Execution.Running;

/// <summary>
/// The default resolver's way into CLR objects: compiled getters per public property, found by name case-insensitively
/// and built once per type, so resolving a field by property costs a delegate call, not reflection.
/// </summary>
internal static class PropertyReaders
{
    private static readonly ConcurrentDictionary<Type, FrozenDictionary<string, PropertyReader>> ByType = new();

    /// <summary>The reader of <paramref name="type"/>'s public property <paramref name="name"/> (any case), or null.</summary>
    public static PropertyReader? Find(Type type, string name) =>
        ByType.GetOrAdd(type, Build).GetValueOrDefault(name);

    private static FrozenDictionary<string, PropertyReader> Build(Type type)
    {
        var readers = new Dictionary<string, PropertyReader>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            // Properties differing only in case are rare enough that the first one declared simply wins.
            if (property.GetMethod is { IsPublic: true } && property.GetIndexParameters().Length == 0 && !readers.ContainsKey(property.Name))
            {
                readers[property.Name] = new PropertyReader(Compile<object?>(type, property), CompileLeaf(type, property));
            }
        }

        return readers.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static LeafReader? CompileLeaf(Type type, PropertyInfo property) => property.PropertyType switch
    {
        var t when t == typeof(int) => new Int32Reader(Compile<int>(type, property)),
        var t when t == typeof(bool) => new BooleanReader(Compile<bool>(type, property)),
        var t when t == typeof(double) => new DoubleReader(Compile<double>(type, property)),
        _ => null,
    };

    private static Func<object, T> Compile<T>(Type type, PropertyInfo property)
    {
        var instance = Expression.Parameter(typeof(object), "instance");
        Expression read = Expression.Property(Expression.Convert(instance, type), property);
        if (read.Type != typeof(T))
        {
            read = Expression.Convert(read, typeof(T));
        }

        return Expression.Lambda<Func<object, T>>(read, instance).Compile();
    }
}

/// <summary>Reads one property: boxed, and for <c>int</c>, <c>bool</c> and <c>double</c> properties also straight into a result slot.</summary>
/// <param name="Read">Reads the value as an object.</param>
/// <param name="Leaf">Writes the value without boxing it, when the property's type allows.</param>
internal sealed record PropertyReader(Func<object, object?> Read, LeafReader? Leaf);

/// <summary>Writes a value-typed property into a slot without boxing it, for the specified scalar that represents it.</summary>
internal abstract class LeafReader
{
    /// <summary>The scalar whose values this reader writes.</summary>
    public abstract ScalarType Scalar { get; }

    /// <summary>Writes the value; false when the scalar cannot represent it, so the boxed path reports the error.</summary>
    public abstract bool TryWrite(object parent, ref ResultSlot slot);
}

internal sealed class Int32Reader(Func<object, int> read) : LeafReader
{
    public override ScalarType Scalar => BuiltInScalars.Int;

    public override bool TryWrite(object parent, ref ResultSlot slot)
    {
        slot.SetInteger(read(parent));
        return true;
    }
}

internal sealed class BooleanReader(Func<object, bool> read) : LeafReader
{
    public override ScalarType Scalar => BuiltInScalars.Boolean;

    public override bool TryWrite(object parent, ref ResultSlot slot)
    {
        slot.SetBoolean(read(parent));
        return true;
    }
}

internal sealed class DoubleReader(Func<object, double> read) : LeafReader
{
    public override ScalarType Scalar => BuiltInScalars.Float;

    public override bool TryWrite(object parent, ref ResultSlot slot)
    {
        var value = read(parent);
        if (!double.IsFinite(value))
        {
            return false;
        }

        slot.SetFloat(value);
        return true;
    }
}
