using Tasks.Domain.Deciding;

namespace Tasks.Domain.Functions;

/// <summary>The rule for function names: 1 to 64 ASCII letters, digits and <c>-</c> (also an AWS Lambda function name).</summary>
public static class FunctionName
{
    /// <summary>The longest name.</summary>
    public const int MaxLength = 64;

    /// <summary>Whether <paramref name="name"/> follows the rule.</summary>
    /// <param name="name">The name.</param>
    /// <returns><c>true</c> when valid.</returns>
    public static bool IsValid(string? name) => Validate(name) is null;

    /// <summary>Checks a function name.</summary>
    /// <param name="name">The name.</param>
    /// <param name="field">The wire name to blame in the error (<c>name</c> on functions, <c>functionName</c> on tasks).</param>
    /// <returns>The broken rule, or <c>null</c> when valid.</returns>
    public static ValidationError? Validate(string? name, string field = "name")
    {
        if (string.IsNullOrEmpty(name))
        {
            return new ValidationError(field, "A function name is required.");
        }

        if (name.Length > MaxLength)
        {
            return new ValidationError(field, $"A function name is at most {MaxLength} characters.");
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return new ValidationError(field, "A function name may contain only letters, digits and '-'.");
            }
        }

        return null;
    }
}
