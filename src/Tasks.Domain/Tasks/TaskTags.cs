using Tasks.Domain.Deciding;

namespace Tasks.Domain.Tasks;

/// <summary>
/// The rules for a task's (and a schedule's) tags. The hosted service documents no limits; these
/// bound what one task can put into the indexes while leaving room for any real tracing use.
/// </summary>
public static class TaskTags
{
    /// <summary>The most tags one task may carry.</summary>
    public const int MaxCount = 100;

    /// <summary>The longest tag, in characters.</summary>
    public const int MaxLength = 256;

    /// <summary>Checks tags: at most <see cref="MaxCount"/>, each non-blank and at most <see cref="MaxLength"/> characters.</summary>
    /// <param name="tags">The tags (<c>null</c> counts as none).</param>
    /// <param name="field">The wire name to blame in the error.</param>
    /// <returns>The first broken rule, or <c>null</c> when the tags are valid.</returns>
    public static ValidationError? Validate(IReadOnlyList<string>? tags, string field = "tags")
    {
        if (tags is null)
        {
            return null;
        }

        if (tags.Count > MaxCount)
        {
            return new ValidationError(field, $"At most {MaxCount} tags are allowed; got {tags.Count}.");
        }

        for (var i = 0; i < tags.Count; i++)
        {
            var tag = tags[i];
            if (string.IsNullOrWhiteSpace(tag))
            {
                return new ValidationError(field, $"Tag {i} is empty.");
            }

            if (tag.Length > MaxLength)
            {
                return new ValidationError(field, $"Tag {i} is longer than {MaxLength} characters.");
            }
        }

        return null;
    }
}
