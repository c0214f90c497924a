namespace Tasks.Api.Filtering;

/// <summary>
/// Orders strings by code point, as PostgreSQL does under the C.UTF-8 collation. Plain ordinal comparison orders
/// UTF-16 code units, which puts characters beyond U+FFFF (surrogate pairs) before U+E000–U+FFFF.
/// </summary>
internal static class TextOrder
{
    public static int Compare(string left, string right)
    {
        var length = Math.Min(left.Length, right.Length);
        for (var i = 0; i < length; i++)
        {
            if (left[i] != right[i])
            {
                return Rank(left[i]).CompareTo(Rank(right[i]));
            }
        }

        return left.Length.CompareTo(right.Length);
    }

    // Moves surrogates above U+E000–U+FFFF and those below them; at the first differing unit that is code point order.
    private static int Rank(char c) => c switch
    {
        >= '\uE000' => c - 0x800,
        >= '\uD800' => c + 0x2000,
        _ => c,
    };
}
