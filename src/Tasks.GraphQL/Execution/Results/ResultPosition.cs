using Tasks.GraphQL.Execution.Planning;

namespace Tasks.GraphQL.Execution.Results;

/// <summary>
/// Where a value goes in the result: its slot (<paramref name="chunk"/>[<paramref name="index"/>]) in the container
/// whose slots start at <paramref name="container"/>. It is also the value's response path, read back through the
/// containers' header slots when an error or a resolver needs it, so no path is built for values that need none.
/// </summary>
internal readonly struct ResultPosition(ResultSlot[]? chunk, int container, int index)
{
    public ResultSlot[]? Chunk => chunk;

    public int Container => container;

    public int Index => index;

    public ref ResultSlot Slot => ref chunk![index];

    /// <summary>The response path: strings for keys, boxed ints for list indexes, as <see cref="GraphQLError.Path"/> wants.</summary>
    public object[] ToPath()
    {
        var length = 0;
        for (var position = this; position.Chunk is not null; position = position.Parent())
        {
            length++;
        }

        var path = new object[length];
        for (var position = this; position.Chunk is not null; position = position.Parent())
        {
            // A container's header says whether it is an object (keys from its selection) or a list (indexes).
            ref var header = ref position.Chunk![position.Container - 1];
            path[--length] = header.Selection is SelectionPlan selection
                ? selection.Fields[position.Index - position.Container].ResponseKey
                : position.Index - position.Container;
        }

        return path;
    }

    private ResultPosition Parent()
    {
        ref var header = ref chunk![container - 1];
        var (parentContainer, parentIndex) = ResultSlot.Unpack(header.Number);
        return header.Reference is ResultSlot[] parentChunk ? new ResultPosition(parentChunk, parentContainer, parentIndex) : default;
    }
}
