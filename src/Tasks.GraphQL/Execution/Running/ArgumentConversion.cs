using System.Globalization;

namespace Tasks.GraphQL.Execution.Running;

/// <summary>Hands a coerced argument value to a resolver as the CLR type it asks for.</summary>
internal static class ArgumentConversion
{
    public static T? Convert<T>(string name, object? value)
    {
        switch (value)
        {
            case null:
                return default;
            case T typed:
                return typed;
            default:
                break;
        }

        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        try
        {
            if (target.IsEnum && value is string text)
            {
                return (T)Enum.Parse(target, text, ignoreCase: true);
            }

            if (target == typeof(Guid) && value is string guid)
            {
                return (T)(object)Guid.Parse(guid, CultureInfo.InvariantCulture);
            }

            if (value is IConvertible && typeof(IConvertible).IsAssignableFrom(target))
            {
                return (T)System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
            }
        }
        catch (Exception exception) when (exception is FormatException or OverflowException or InvalidCastException or ArgumentException)
        {
            throw new InvalidCastException($"Argument \"{name}\" ({value}) cannot be read as {typeof(T).Name}.", exception);
        }

        throw new InvalidCastException($"Argument \"{name}\" is a {value.GetType().Name}, which cannot be read as {typeof(T).Name}.");
    }
}
