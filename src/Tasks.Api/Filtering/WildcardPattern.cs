namespace Tasks.Api.Filtering;

/// <summary>
/// A like pattern of the query language matched in memory, with the meaning the SQL translation gives it: the whole
/// value must match; <c>*</c> is any run of characters, <c>?</c> exactly one character (a code point, as in
/// PostgreSQL); <c>\*</c>, <c>\?</c> and <c>\\</c> are the literal characters, and any other backslash is literal.
/// </summary>
internal sealed class WildcardPattern
{
    private const int AnyOne = -1;
    private const int AnyRun = -2;

    // Code points, or AnyOne / AnyRun.
    private readonly int[] tokens;

    private WildcardPattern(int[] tokens)
    {
        this.tokens = tokens;
    }

    public static WildcardPattern Parse(string pattern)
    {
        var tokens = new List<int>(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length && pattern[i + 1] is '*' or '?' or '\\')
            {
                tokens.Add(pattern[++i]);
            }
            else if (c == '*')
            {
                tokens.Add(AnyRun);
            }
            else if (c == '?')
            {
                tokens.Add(AnyOne);
            }
            else
            {
                tokens.Add(CodePointAt(pattern, ref i));
            }
        }

        return new WildcardPattern([.. tokens]);
    }

    public bool IsMatch(string text)
    {
        var value = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            value.Add(CodePointAt(text, ref i));
        }

        // Greedy matching that, on a mismatch, lets the last * swallow one more character and retries.
        int p = 0, v = 0, star = -1, starValue = 0;
        while (v < value.Count)
        {
            if (p < tokens.Length && (tokens[p] == AnyOne || tokens[p] == value[v]))
            {
                p++;
                v++;
            }
            else if (p < tokens.Length && tokens[p] == AnyRun)
            {
                star = p++;
                starValue = v;
            }
            else if (star >= 0)
            {
                p = star + 1;
                v = ++starValue;
            }
            else
            {
                return false;
            }
        }

        while (p < tokens.Length && tokens[p] == AnyRun)
        {
            p++;
        }

        return p == tokens.Length;
    }

    // A surrogate pair is one character; a lone surrogate stands for itself.
    private static int CodePointAt(string text, ref int i)
    {
        if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            var codePoint = char.ConvertToUtf32(text[i], text[i + 1]);
            i++;
            return codePoint;
        }

        return text[i];
    }
}
