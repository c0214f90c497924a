using Tasks.GraphQL.Execution.Planning;

namespace Tasks.GraphQL.Execution.Results;

/// <summary>What a completed value is, as far as writing it goes.</summary>
internal enum ResultKind : byte
{
    /// <summary>null (also what a slot holds before its field completes).</summary>
    Null,

    /// <summary>A string, in <see cref="ResultSlot.Reference"/>.</summary>
    String,

    /// <summary>An integer, in <see cref="ResultSlot.Number"/>.</summary>
    Integer,

    /// <summary>A float, as the bits of a double in <see cref="ResultSlot.Number"/>.</summary>
    Float,

    /// <summary>true or false, as 1 or 0 in <see cref="ResultSlot.Number"/>.</summary>
    Boolean,

    /// <summary>JSON a scalar wrote into the leaf arena: offset and length packed in <see cref="ResultSlot.Number"/>.</summary>
    Raw,

    /// <summary>An object: its field slots' chunk in <see cref="ResultSlot.Reference"/>, their offset in <see cref="ResultSlot.Number"/>, its fields in <see cref="ResultSlot.Selection"/>.</summary>
    Object,

    /// <summary>A list: its item slots' chunk in <see cref="ResultSlot.Reference"/>, their offset and count packed in <see cref="ResultSlot.Number"/>.</summary>
    List,

    /// <summary>
    /// The slot just before an object's or list's slots: where the container sits in its parent (the parent's chunk in
    /// <see cref="ResultSlot.Reference"/>, its container offset and index packed in <see cref="ResultSlot.Number"/>) and, for
    /// an object, its fields in <see cref="ResultSlot.Selection"/>. It makes every slot's response path readable without
    /// allocating one per value.
    /// </summary>
    Header,
}

/// <summary>
/// One completed value of the result: a leaf ready to write, or where the slots of an object or list are. Objects are
/// written only once the whole result is complete, so nothing written ever needs to be taken back when a field error
/// nulls a parent: a discarded subtree is simply never reached from the root.
/// </summary>
internal struct ResultSlot
{
    public ResultKind Kind;
    public long Number;
    public object? Reference;
    public SelectionPlan? Selection;

    public static long Pack(int high, int low) => ((long)high << 32) | (uint)low;

    public static (int High, int Low) Unpack(long packed) => ((int)(packed >> 32), (int)(uint)packed);

    public void SetNull() => this = default;

    public void SetString(string value)
    {
        this = default;
        Kind = ResultKind.String;
        Reference = value;
    }

    public void SetInteger(long value)
    {
        this = default;
        Kind = ResultKind.Integer;
        Number = value;
    }

    public void SetFloat(double value)
    {
        this = default;
        Kind = ResultKind.Float;
        Number = BitConverter.DoubleToInt64Bits(value);
    }

    public void SetBoolean(bool value)
    {
        this = default;
        Kind = ResultKind.Boolean;
        Number = value ? 1 : 0;
    }

    public void SetRaw(int offset, int length)
    {
        this = default;
        Kind = ResultKind.Raw;
        Number = Pack(offset, length);
    }

    public void SetObject(ResultSlot[] chunk, int offset, SelectionPlan selection)
    {
        Kind = ResultKind.Object;
        Reference = chunk;
        Number = offset;
        Selection = selection;
    }

    public void SetList(ResultSlot[] chunk, int offset, int count)
    {
        Kind = ResultKind.List;
        Reference = chunk;
        Number = Pack(offset, count);
        Selection = null;
    }

    public void SetHeader(ResultPosition parent, SelectionPlan? selection)
    {
        Kind = ResultKind.Header;
        Reference = parent.Chunk;
        Number = Pack(parent.Container, parent.Index);
        Selection = selection;
    }
}
