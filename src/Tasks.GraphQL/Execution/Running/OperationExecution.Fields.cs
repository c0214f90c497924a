using System.Buffers;
using System.Runtime.CompilerServices;
using Tasks.GraphQL.Execution.Coercion;
using Tasks.GraphQL.Execution.Planning;
using Tasks.GraphQL.Execution.Resolving;
using Tasks.GraphQL.Execution.Results;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.GraphQL.Execution.Running;

/// <summary>ExecuteSelectionSet and ExecuteField (spec §6.3.1, §6.4): run the resolvers, then complete their values.</summary>
internal sealed partial class OperationExecution
{
    /// <summary>
    /// Executes the fields of a selection set "in parallel": every field starts (its resolver called) before any is
    /// awaited, then each is awaited in order. Field i writes slot <paramref name="offset"/> + i, so the response keeps
    /// the selection's order whatever order fields finish in. Returns true when a non-null field ended null, so the
    /// object itself must be null.
    /// </summary>
    private ValueTask<bool> ExecuteSelectionSet(ObjectType type, object? value, SelectionPlan selection, ResultSlot[] chunk, int offset)
    {
        var fields = selection.Fields;
        var failed = false;
        ValueTask<bool>[]? pending = null;
        var firstPending = 0;
        for (var i = 0; i < fields.Length; i++)
        {
            var running = ExecuteField(type, value, fields[i], new ResultPosition(chunk, offset, offset + i));
            if (running.IsCompletedSuccessfully)
            {
                failed |= running.Result;
            }
            else
            {
                if (pending is null)
                {
                    pending = ArrayPool<ValueTask<bool>>.Shared.Rent(fields.Length);
                    firstPending = i;
                }

                pending[i] = running;
            }
        }

        return pending is null ? new ValueTask<bool>(failed) : AwaitAllAsync(pending, firstPending, fields.Length, failed);
    }

    /// <summary>
    /// Executes a mutation's root fields one after another (spec §6.3.1 "Normal and Serial Execution"). Once a non-null
    /// root field has failed, <c>data</c> is null whatever follows, so the later mutations are not run: their side
    /// effects would be invisible to the client (graphql-js behaves the same).
    /// </summary>
    private async ValueTask<bool> ExecuteSeriallyAsync(SelectionPlan selection, object? rootValue, ResultSlot[] chunk, int offset)
    {
        for (var i = 0; i < selection.Fields.Length; i++)
        {
            if (await ExecuteField(selection.Type, rootValue, selection.Fields[i], new ResultPosition(chunk, offset, offset + i)).ConfigureAwait(false))
            {
                return true;
            }
        }

        return false;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<bool> AwaitAllAsync(ValueTask<bool>[] pending, int from, int count, bool failed)
    {
        try
        {
            // Entries of fields that completed synchronously hold default(ValueTask<bool>): already complete, false.
            for (var i = from; i < count; i++)
            {
                failed |= await pending[i].ConfigureAwait(false);
            }

            return failed;
        }
        finally
        {
            ArrayPool<ValueTask<bool>>.Shared.Return(pending, clearArray: true);
        }
    }

    /// <summary>ExecuteField: resolves the field's value and completes it into its slot; true when the field is non-null and ended null.</summary>
    private ValueTask<bool> ExecuteField(ObjectType type, object? parent, FieldPlan field, ResultPosition position)
    {
        object? value;
        switch (field.Kind)
        {
            case FieldKind.TypeName:
                position.Slot.SetString(type.Name);
                return new ValueTask<bool>(false);
            case FieldKind.Schema:
                value = Schema;
                break;
            case FieldKind.Type:
                var arguments = ArgumentsOf(field, out var error);
                if (arguments is null)
                {
                    return new ValueTask<bool>(Fail(field, position, error!, ErrorCodes.BadUserInput));
                }

                value = arguments.GetValueOrDefault("name") is string name ? Schema.GetType(name) : null;
                break;
            case FieldKind.SourceEvent:
                value = parent;
                break;
            default:
                if (field.Definition.Resolver is { } resolver)
                {
                    return Resolve(type, parent, field, resolver, position);
                }

                try
                {
                    if (ReadUnboxed(parent, field, position))
                    {
                        return new ValueTask<bool>(false);
                    }

                    value = ResolveByDefault(parent, field);
                }
#pragma warning disable CA1031 // Any failure to read the value is a field error.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    return new ValueTask<bool>(Fail(field, position, exception));
                }

                break;
        }

        return CompleteValue(field.Type, field, value, position);
    }

    private ValueTask<bool> Resolve(ObjectType type, object? parent, FieldPlan field, FieldResolver resolver, ResultPosition position)
    {
        var arguments = ArgumentsOf(field, out var error);
        if (arguments is null)
        {
            return new ValueTask<bool>(Fail(field, position, error!, ErrorCodes.BadUserInput));
        }

        if (CancellationToken.IsCancellationRequested)
        {
            return new ValueTask<bool>(Fail(field, position, AbortReason()));
        }

        ValueTask<object?> pending;
        try
        {
            pending = resolver(new ResolverContext(this, field, type, parent, arguments, position));
        }
#pragma warning disable CA1031 // A resolver's exception is a field error.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return new ValueTask<bool>(Fail(field, position, exception));
        }

        return pending.IsCompletedSuccessfully
            ? CompleteValue(field.Type, field, pending.Result, position)
            : AwaitResolverAsync(pending, field, position);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> AwaitResolverAsync(ValueTask<object?> pending, FieldPlan field, ResultPosition position)
    {
        object? value;
        try
        {
            value = pending.IsCompleted ? pending.GetAwaiter().GetResult() : await Scheduler.Await(pending);
        }
#pragma warning disable CA1031 // A resolver's exception is a field error.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return Fail(field, position, exception);
        }

        return await CompleteValue(field.Type, field, value, position).ConfigureAwait(false);
    }

    /// <summary>The field's coerced arguments: planned once when they are literals, coerced per request when they use variables.</summary>
    private IReadOnlyDictionary<string, object?>? ArgumentsOf(FieldPlan field, out string? error)
    {
        error = field.StaticArgumentError;
        if (field.StaticArguments is not null || error is not null)
        {
            return field.StaticArguments;
        }

        return ArgumentCoercion.Coerce(field.Definition.Arguments, field.Nodes[0].Arguments, plan.Variables, out error);
    }

    /// <summary>
    /// The default resolver: a dictionary's entry, or a public property of a CLR object (found case-insensitively and read
    /// by a compiled getter cached per type; each field remembers the last type it saw, so usually no lookup at all).
    /// </summary>
    private static object? ResolveByDefault(object? parent, FieldPlan field)
    {
        switch (parent)
        {
            case null:
                return null;
            case IReadOnlyDictionary<string, object?> entries:
                return entries.GetValueOrDefault(field.Definition.Name);
            case IDictionary<string, object?> entries:
                return entries.TryGetValue(field.Definition.Name, out var entry) ? entry : null;
            default:
                return AccessFor(parent, field).Reader is { } reader
                    ? reader.Read(parent)
                    : throw new InvalidOperationException($"Field \"{field.Coordinate}\" has no resolver, and its parent value (a {parent.GetType().Name}) has no public property or dictionary entry \"{field.Definition.Name}\".");
        }
    }

    /// <summary>Writes an <c>int</c>, <c>bool</c> or <c>double</c> property of an Int, Boolean or Float field into its slot without boxing it.</summary>
    private static bool ReadUnboxed(object? parent, FieldPlan field, ResultPosition position) =>
        parent is not (null or IReadOnlyDictionary<string, object?> or IDictionary<string, object?>)
        && AccessFor(parent, field) is { Unboxed: true, Reader.Leaf: { } leaf }
        && leaf.TryWrite(parent, ref position.Slot);

    private static PropertyAccess AccessFor(object parent, FieldPlan field)
    {
        var type = parent.GetType();
        var access = field.LastPropertyAccess;
        if (access is null || access.ClrType != type)
        {
            var reader = PropertyReaders.Find(type, field.Definition.Name);
            var unboxed = reader?.Leaf is { } leaf && ReferenceEquals(field.Type.Nullable(), leaf.Scalar);
            field.LastPropertyAccess = access = new PropertyAccess(type, reader, unboxed);
        }

        return access;
    }
}
