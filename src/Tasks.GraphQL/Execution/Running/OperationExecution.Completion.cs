using System.Buffers;
using System.Collections;
using System.Runtime.CompilerServices;
using Tasks.GraphQL.Execution.Planning;
using Tasks.GraphQL.Execution.Results;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.GraphQL.Execution.Running;

/// <summary>
/// CompleteValue (spec §6.4.3) and null propagation (§6.4.4). A value completes into its slot; a position of non-null
/// type that ends null reports it (unless an error below already did) and returns true, so its parent position becomes
/// null in turn; the first nullable position up the chain absorbs it. A discarded object or list is simply no longer
/// reachable from the root: nothing of it has been written yet.
/// </summary>
internal sealed partial class OperationExecution
{
    /// <summary>Completes <paramref name="value"/> as <paramref name="type"/>; true when the type is non-null and the slot ended null.</summary>
    private ValueTask<bool> CompleteValue(IGraphQLType type, FieldPlan field, object? value, ResultPosition position)
    {
        if (type is NonNullType nonNull)
        {
            var inner = CompleteNullable(nonNull.OfType, field, value, position);
            return inner.IsCompletedSuccessfully
                ? new ValueTask<bool>(EndsNull(inner.Result, field, position))
                : AwaitNonNullAsync(inner, field, position);
        }

        var completion = CompleteNullable(type, field, value, position);
        return completion.IsCompletedSuccessfully ? new ValueTask<bool>(false) : AwaitNullableAsync(completion);
    }

    private static async ValueTask<bool> AwaitNullableAsync(ValueTask<CompletionOutcome> completion)
    {
        await completion.ConfigureAwait(false);
        return false;
    }

    private async ValueTask<bool> AwaitNonNullAsync(ValueTask<CompletionOutcome> completion, FieldPlan field, ResultPosition position) =>
        EndsNull(await completion.ConfigureAwait(false), field, position);

    private bool EndsNull(CompletionOutcome outcome, FieldPlan field, ResultPosition position)
    {
        if (outcome == CompletionOutcome.Null)
        {
            Report(field, position, $"Cannot return null for non-nullable field {field.Coordinate}.", ErrorCodes.InvalidResult);
        }

        return outcome != CompletionOutcome.Value;
    }

    private ValueTask<CompletionOutcome> CompleteNullable(IGraphQLType type, FieldPlan field, object? value, ResultPosition position)
    {
        if (value is null)
        {
            position.Slot.SetNull();
            return new ValueTask<CompletionOutcome>(CompletionOutcome.Null);
        }

        switch (type)
        {
            case ScalarType scalar:
                return new ValueTask<CompletionOutcome>(CompleteScalar(scalar, field, value, position));
            case EnumType enumType:
                if (enumType.ForRuntimeValue(value) is { } enumValue)
                {
                    position.Slot.SetString(enumValue.Name);
                    return new ValueTask<CompletionOutcome>(CompletionOutcome.Value);
                }

                return Failed($"Enum \"{enumType.Name}\" cannot represent value: {Describe(value)}", field, position);
            case ObjectType objectType:
                return CompleteObject(objectType, field, value, position);
            case IAbstractType abstractType:
                return CompleteAbstract(abstractType, field, value, position);
            case ListType list:
                return CompleteList(list.OfType, field, value, position);
            default:
                return Failed($"Cannot complete a value of type {type}.", field, position);
        }
    }

    /// <summary>
    /// Serializes a leaf. The specified scalars' usual CLR types cannot fail, so they are stored as they are and written
    /// by the response writer; everything else is serialized by its scalar now, so a value it cannot represent is a field
    /// error at this position.
    /// </summary>
    private CompletionOutcome CompleteScalar(ScalarType scalar, FieldPlan field, object value, ResultPosition position)
    {
        ref var slot = ref position.Slot;
        switch (value)
        {
            case string text when ReferenceEquals(scalar, BuiltInScalars.String) || ReferenceEquals(scalar, BuiltInScalars.ID):
                slot.SetString(text);
                return CompletionOutcome.Value;
            case int number when ReferenceEquals(scalar, BuiltInScalars.Int):
                slot.SetInteger(number);
                return CompletionOutcome.Value;
            case bool flag when ReferenceEquals(scalar, BuiltInScalars.Boolean):
                slot.SetBoolean(flag);
                return CompletionOutcome.Value;
            case double real when double.IsFinite(real) && ReferenceEquals(scalar, BuiltInScalars.Float):
                slot.SetFloat(real);
                return CompletionOutcome.Value;
            default:
                break;
        }

        try
        {
            var (offset, length) = Arena.Write(scalar, value);
            slot.SetRaw(offset, length);
            return CompletionOutcome.Value;
        }
#pragma warning disable CA1031 // A scalar that cannot serialize a value makes a field error.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Report(field, position, exception);
            position.Slot.SetNull();
            return CompletionOutcome.Error;
        }
    }

    private ValueTask<CompletionOutcome> CompleteObject(ObjectType type, FieldPlan field, object value, ResultPosition position)
    {
        if (type.IsTypeOf is { } isTypeOf && !IsOfType(isTypeOf, value))
        {
            return Failed($"Expected value of type \"{type.Name}\" but got: {Describe(value)}.", field, position);
        }

        var selection = field.GetChildPlan(type, plan);
        var (chunk, offset) = slots.Allocate(selection.Fields.Length, selection, position);
        position.Slot.SetObject(chunk, offset, selection);
        var running = ExecuteSelectionSet(type, value, selection, chunk, offset);
        return running.IsCompletedSuccessfully
            ? new ValueTask<CompletionOutcome>(Finish(running.Result, position))
            : AwaitCompositeAsync(running, position);
    }

    private ValueTask<CompletionOutcome> CompleteList(IGraphQLType itemType, FieldPlan field, object value, ResultPosition position)
    {
        if (value is string || value is not IEnumerable enumerable)
        {
            return Failed($"Expected Iterable, but did not find one for field \"{field.Coordinate}\".", field, position);
        }

        // The items are read before any completes, so an enumerator that throws fails the list before anything of it exists.
        object?[] values;
        int count;
        try
        {
            (values, count) = Materialize(enumerable);
        }
#pragma warning disable CA1031 // An enumerator's exception is a field error.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Report(field, position, exception);
            position.Slot.SetNull();
            return new ValueTask<CompletionOutcome>(CompletionOutcome.Error);
        }

        var (chunk, offset) = slots.Allocate(count, null, position);
        position.Slot.SetList(chunk, offset, count);
        var failed = false;
        ValueTask<bool>[]? pending = null;
        var firstPending = 0;
        for (var i = 0; i < count; i++)
        {
            var running = CompleteValue(itemType, field, values[i], new ResultPosition(chunk, offset, offset + i));
            if (running.IsCompletedSuccessfully)
            {
                failed |= running.Result;
            }
            else
            {
                if (pending is null)
                {
                    pending = ArrayPool<ValueTask<bool>>.Shared.Rent(count);
                    firstPending = i;
                }

                pending[i] = running;
            }
        }

        ArrayPool<object?>.Shared.Return(values, clearArray: true);
        return pending is null
            ? new ValueTask<CompletionOutcome>(Finish(failed, position))
            : AwaitCompositeAsync(AwaitAllAsync(pending, firstPending, count, failed), position);
    }

    private static (object?[] Values, int Count) Materialize(IEnumerable enumerable)
    {
        // Arrays and lists are copied by index: enumerating them through IEnumerable would allocate an enumerator.
        if (enumerable is IList list)
        {
            var copy = ArrayPool<object?>.Shared.Rent(Math.Max(1, list.Count));
            if (list is object?[] array)
            {
                array.CopyTo(copy, 0);
            }
            else
            {
                for (var i = 0; i < list.Count; i++)
                {
                    copy[i] = list[i];
                }
            }

            return (copy, list.Count);
        }

        var values = ArrayPool<object?>.Shared.Rent(enumerable is ICollection collection ? Math.Max(1, collection.Count) : 16);
        var count = 0;
        try
        {
            foreach (var item in enumerable)
            {
                if (count == values.Length)
                {
                    var larger = ArrayPool<object?>.Shared.Rent(values.Length * 2);
                    values.AsSpan(0, count).CopyTo(larger);
                    ArrayPool<object?>.Shared.Return(values, clearArray: true);
                    values = larger;
                }

                values[count++] = item;
            }
        }
        catch
        {
            ArrayPool<object?>.Shared.Return(values, clearArray: true);
            throw;
        }

        return (values, count);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<CompletionOutcome> AwaitCompositeAsync(ValueTask<bool> running, ResultPosition position) =>
        Finish(await running.ConfigureAwait(false), position);

    /// <summary>Keeps a completed object or list, or makes it null when a non-null position inside it ended null.</summary>
    private static CompletionOutcome Finish(bool failed, ResultPosition position)
    {
        if (!failed)
        {
            return CompletionOutcome.Value;
        }

        position.Slot.SetNull();
        return CompletionOutcome.Error;
    }

    private ValueTask<CompletionOutcome> CompleteAbstract(IAbstractType abstractType, FieldPlan field, object value, ResultPosition position)
    {
        ObjectType? runtimeType;
        try
        {
            runtimeType = ResolveRuntimeType(abstractType, value);
        }
#pragma warning disable CA1031 // A failing type resolver makes a field error.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Report(field, position, exception);
            position.Slot.SetNull();
            return new ValueTask<CompletionOutcome>(CompletionOutcome.Error);
        }

        if (runtimeType is null)
        {
            return Failed(
                $"Abstract type \"{abstractType.Name}\" must resolve to an Object type at runtime for field \"{field.Coordinate}\". "
                    + $"Either the \"{abstractType.Name}\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function.",
                field,
                position);
        }

        return Schema.IsPossibleType(abstractType, runtimeType)
            ? CompleteObject(runtimeType, field, value, position)
            : Failed($"Runtime Object type \"{runtimeType.Name}\" is not a possible type for \"{abstractType.Name}\".", field, position);
    }

    /// <summary>
    /// ResolveAbstractType: the abstract type's <see cref="IAbstractType.ResolveType"/>, then the possible types'
    /// <see cref="ObjectType.IsTypeOf"/>, then a <c>__typename</c> dictionary entry or a CLR type named like a possible type.
    /// </summary>
    private ObjectType? ResolveRuntimeType(IAbstractType abstractType, object value)
    {
        if (abstractType.ResolveType?.Invoke(value) is { } resolved)
        {
            return resolved;
        }

        var possibleTypes = Schema.GetPossibleTypes(abstractType);
        foreach (var possible in possibleTypes)
        {
            if (possible.IsTypeOf is { } isTypeOf && isTypeOf(value))
            {
                return possible;
            }
        }

        var name = value is IReadOnlyDictionary<string, object?> entries && entries.GetValueOrDefault("__typename") is string typename
            ? typename
            : value.GetType().Name;
        foreach (var possible in possibleTypes)
        {
            if (possible.Name == name)
            {
                return possible;
            }
        }

        return null;
    }

    private static bool IsOfType(Func<object, bool> isTypeOf, object value)
    {
        try
        {
            return isTypeOf(value);
        }
#pragma warning disable CA1031 // A failing check means the value is not of the type.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    private ValueTask<CompletionOutcome> Failed(string message, FieldPlan field, ResultPosition position)
    {
        Report(field, position, message, ErrorCodes.InvalidResult);
        position.Slot.SetNull();
        return new ValueTask<CompletionOutcome>(CompletionOutcome.Error);
    }

    private static string Describe(object value) => value switch
    {
        string text => $"\"{text}\"",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? value.GetType().Name,
    };
}
