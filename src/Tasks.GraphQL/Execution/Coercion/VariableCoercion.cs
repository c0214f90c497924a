using System.Text;
using System.Text.Json;
using Tasks.GraphQL.Execution.Preparation;
using Tasks.GraphQL.Language;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.GraphQL.Execution.Coercion;

/// <summary>
/// CoerceVariableValues (spec §6.1.2): the request's JSON variables coerced to the types the operation declares, with
/// defaults applied and graphql-js's messages (<c>Variable "$x" got invalid value "a"; Expected type "Int". ...</c>).
/// </summary>
internal static class VariableCoercion
{
    private const int MaxErrors = 50;

    private static readonly IReadOnlyDictionary<string, object?> None = new Dictionary<string, object?>();

    /// <summary>The coerced values; <paramref name="failures"/> holds the errors when some cannot be coerced, else null.</summary>
    public static IReadOnlyDictionary<string, object?> Coerce(Schema schema, OperationDefinitionNode operation, JsonElement? inputs, out List<GraphQLError>? failures)
    {
        failures = null;
        if (inputs is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined) })
        {
            failures = [new GraphQLError("Variables must be given as a JSON object.", Extensions: ErrorFactory.WithCode(ErrorCodes.BadUserInput, null))];
            return None;
        }

        if (operation.VariableDefinitions.Count == 0)
        {
            return None;
        }

        var errors = new List<GraphQLError>();
        var coerced = Coerce(schema, operation, inputs, errors);
        failures = errors.Count > 0 ? errors : null;
        return coerced;
    }

    private static Dictionary<string, object?> Coerce(Schema schema, OperationDefinitionNode operation, JsonElement? inputs, List<GraphQLError> errors)
    {
        var coerced = new Dictionary<string, object?>(operation.VariableDefinitions.Count, StringComparer.Ordinal);

        var given = inputs is { ValueKind: JsonValueKind.Object } values ? values : (JsonElement?)null;
        foreach (var definition in operation.VariableDefinitions)
        {
            if (errors.Count >= MaxErrors)
            {
                errors.Add(new GraphQLError("Too many errors processing variables, error limit reached. Execution aborted.", Extensions: ErrorFactory.WithCode(ErrorCodes.BadUserInput, null)));
                break;
            }

            var name = definition.Variable.Name.Value;
            var type = TypeFromNode(schema, definition.Type);
            if (type is null || !type.IsInputType())
            {
                Fail(errors, definition, $"Variable \"${name}\" expected value of type \"{Printer.Print(definition.Type)}\" which cannot be used as an input type.");
                continue;
            }

            if (given is not { } provided || !provided.TryGetProperty(name, out var value))
            {
                if (definition.DefaultValue is { } defaultValue)
                {
                    if (LiteralCoercion.TryCoerce(defaultValue, type, null, out var defaulted))
                    {
                        coerced[name] = defaulted;
                    }
                    else
                    {
                        Fail(errors, definition, $"Variable \"${name}\" has invalid default value {Printer.Print(defaultValue)}.");
                    }
                }
                else if (type is NonNullType)
                {
                    Fail(errors, definition, $"Variable \"${name}\" of required type \"{type}\" was not provided.");
                }

                continue;
            }

            if (type is NonNullType && value.ValueKind == JsonValueKind.Null)
            {
                Fail(errors, definition, $"Variable \"${name}\" of non-null type \"{type}\" must not be null.");
                continue;
            }

            var walk = new JsonCoercion(name, definition, errors);
            coerced[name] = walk.Coerce(value, type);
        }

        return coerced;
    }

    /// <summary>The schema type a type reference of the document names, or null if it names an unknown type.</summary>
    public static IGraphQLType? TypeFromNode(Schema schema, ITypeNode node) => node switch
    {
        NonNullTypeNode nonNull => TypeFromNode(schema, nonNull.Type) is { } inner and not NonNullType ? new NonNullType(inner) : null,
        ListTypeNode list => TypeFromNode(schema, list.Type) is { } item ? new ListType(item) : null,
        NamedTypeNode named => schema.GetType(named.Name.Value),
        _ => null,
    };

    private static void Fail(List<GraphQLError> errors, VariableDefinitionNode definition, string message) =>
        errors.Add(ErrorFactory.At(message, ErrorCodes.BadUserInput, definition));

    /// <summary>CoerceInputValue over JSON, keeping the path to the failing part for the message.</summary>
    private sealed class JsonCoercion(string variableName, VariableDefinitionNode definition, List<GraphQLError> errors)
    {
        private readonly List<object> path = [];

        public object? Coerce(JsonElement value, IGraphQLType type)
        {
            if (type is NonNullType nonNull)
            {
                if (value.ValueKind == JsonValueKind.Null)
                {
                    Report(value, $"Expected non-nullable type \"{type}\" not to be null.");
                    return null;
                }

                return Coerce(value, nonNull.OfType);
            }

            if (value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            switch (type)
            {
                case ListType list:
                    if (value.ValueKind != JsonValueKind.Array)
                    {
                        return new[] { Coerce(value, list.OfType) };
                    }

                    var items = new object?[value.GetArrayLength()];
                    var index = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        path.Add(index);
                        items[index++] = Coerce(item, list.OfType);
                        path.RemoveAt(path.Count - 1);
                    }

                    return items;
                case InputObjectType inputObject:
                    return CoerceInputObject(value, inputObject);
                case EnumType enumType:
                    if (value.ValueKind != JsonValueKind.String)
                    {
                        Report(value, $"Enum \"{enumType.Name}\" cannot represent non-string value: {value.GetRawText()}.");
                        return null;
                    }

                    if (enumType.Values.TryGetValue(value.GetString()!, out var enumValue))
                    {
                        return enumValue.Value;
                    }

                    Report(value, $"Value \"{value.GetString()}\" does not exist in \"{enumType.Name}\" enum.");
                    return null;
                case ScalarType scalar:
                    var coerced = scalar.CoerceInput(value);
                    if (!coerced.Succeeded)
                    {
                        Report(value, $"Expected type \"{scalar.Name}\". {coerced.Error}");
                    }

                    return coerced.Value;
                default:
                    Report(value, $"Expected type \"{type}\" to be an input type.");
                    return null;
            }
        }

        private Dictionary<string, object?>? CoerceInputObject(JsonElement value, InputObjectType type)
        {
            if (value.ValueKind != JsonValueKind.Object)
            {
                Report(value, $"Expected type \"{type.Name}\" to be an object.");
                return null;
            }

            var coerced = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var field in type.Fields.Values)
            {
                if (!value.TryGetProperty(field.Name, out var fieldValue))
                {
                    if (field.DefaultValue is { } defaultValue)
                    {
                        coerced[field.Name] = LiteralCoercion.TryCoerce(defaultValue, field.Type, null, out var defaulted) ? defaulted : null;
                    }
                    else if (field.Type is NonNullType)
                    {
                        Report(value, $"Field \"{field.Name}\" of required type \"{field.Type}\" was not provided.");
                    }

                    continue;
                }

                path.Add(field.Name);
                coerced[field.Name] = Coerce(fieldValue, field.Type);
                path.RemoveAt(path.Count - 1);
            }

            foreach (var property in value.EnumerateObject())
            {
                if (!type.Fields.ContainsKey(property.Name))
                {
                    Report(value, $"Field \"{property.Name}\" is not defined by type \"{type.Name}\".");
                }
            }

            if (type.IsOneOf)
            {
                if (coerced.Count != 1)
                {
                    Report(value, $"Exactly one key must be specified for OneOf type \"{type.Name}\".");
                }
                else if (coerced.First() is (var key, null))
                {
                    path.Add(key);
                    Report(value.GetProperty(key), $"Field \"{key}\" must be non-null.");
                    path.RemoveAt(path.Count - 1);
                }
            }

            return coerced;
        }

        private void Report(JsonElement invalid, string reason)
        {
            if (errors.Count >= MaxErrors)
            {
                return;
            }

            var at = new StringBuilder();
            if (path.Count > 0)
            {
                at.Append(" at \"").Append(variableName);
                foreach (var segment in path)
                {
                    _ = segment is int index ? at.Append('[').Append(index).Append(']') : at.Append('.').Append(segment);
                }

                at.Append('"');
            }

            Fail(errors, definition, $"Variable \"${variableName}\" got invalid value {invalid.GetRawText()}{at}; {reason}");
        }
    }
}
