using Tasks.GraphQL.Execution.Coercion;
using Tasks.GraphQL.Language;

namespace Tasks.GraphQL.TypeSystem.Building;

/// <summary>The type system's validation rules (spec §3: "Type Validation" of each kind, and the schema's root types).</summary>
internal static class SchemaValidator
{
    public static IReadOnlyList<string> Validate(Schema schema)
    {
        var errors = new List<string>();
        ValidateRoots(schema, errors);
        foreach (var type in schema.Types.Values)
        {
            if (type.Name.StartsWith("__", StringComparison.Ordinal))
            {
                continue;
            }

            switch (type)
            {
                case ObjectType objectType:
                    ValidateFields(objectType, errors);
                    ValidateInterfaces(objectType, errors);
                    break;
                case InterfaceType interfaceType:
                    ValidateFields(interfaceType, errors);
                    ValidateInterfaces(interfaceType, errors);
                    break;
                case UnionType union when union.Types.Count == 0:
                    errors.Add($"Union type {union.Name} must define one or more member types.");
                    break;
                case EnumType enumType:
                    ValidateEnum(enumType, errors);
                    break;
                case InputObjectType input:
                    ValidateInputObject(input, errors);
                    break;
                default:
                    break;
            }
        }

        foreach (var directive in schema.Directives.Values)
        {
            foreach (var argument in directive.Arguments.Values)
            {
                ValidateInputValue($"@{directive.Name}({argument.Name}:)", argument, errors);
            }
        }

        ValidateAppliedDirectives(schema, errors);
        return errors;
    }

    // Directives written in the SDL must exist, sit where they may, appear once unless repeatable, and get valid arguments.
    private static void ValidateAppliedDirectives(Schema schema, List<string> errors)
    {
        void Check(string where, DirectiveLocation location, IReadOnlyList<AppliedDirective> applied)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var directive in applied)
            {
                var definition = schema.GetDirective(directive.Name);
                if (definition is null)
                {
                    errors.Add($"Unknown directive \"@{directive.Name}\" on {where}.");
                    continue;
                }

                if (!definition.Locations.Contains(location))
                {
                    errors.Add($"Directive \"@{directive.Name}\" may not be used on {location.ToSpecName()} ({where}).");
                }

                if (!seen.Add(directive.Name) && !definition.IsRepeatable)
                {
                    errors.Add($"The directive \"@{directive.Name}\" can only be used once at {where}.");
                }

                foreach (var argument in directive.Arguments)
                {
                    if (!definition.Arguments.TryGetValue(argument.Name.Value, out var argumentDefinition))
                    {
                        errors.Add($"Unknown argument \"{argument.Name.Value}\" on directive \"@{directive.Name}\" ({where}).");
                    }
                    else if (!LiteralCoercion.TryCoerce(argument.Value, argumentDefinition.Type, null, out _))
                    {
                        errors.Add($"Argument \"@{directive.Name}({argument.Name.Value}:)\" has an invalid value {Printer.Print(argument.Value)} ({where}).");
                    }
                }

                foreach (var required in definition.Arguments.Values.Where(a => a.IsRequired && directive.Arguments.All(given => given.Name.Value != a.Name)))
                {
                    errors.Add($"Directive \"@{directive.Name}\" argument \"{required.Name}\" of type \"{required.Type}\" is required, but it was not provided ({where}).");
                }
            }
        }

        void CheckInputValues(string owner, DirectiveLocation location, IEnumerable<InputValueDefinition> values)
        {
            foreach (var value in values)
            {
                Check($"{owner}({value.Name}:)", location, value.Directives);
                if (value.DefaultValue is { } defaultValue && !LiteralCoercion.TryCoerce(defaultValue, value.Type, null, out _))
                {
                    errors.Add($"The default value {Printer.Print(defaultValue)} of {owner}.{value.Name} is not a valid {value.Type}.");
                }
            }
        }

        foreach (var type in schema.Types.Values.Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal)))
        {
            switch (type)
            {
                case ObjectType objectType:
                    Check(objectType.Name, DirectiveLocation.Object, objectType.Directives);
                    foreach (var field in objectType.Fields.Values)
                    {
                        Check($"{objectType.Name}.{field.Name}", DirectiveLocation.FieldDefinition, field.Directives);
                        CheckInputValues($"{objectType.Name}.{field.Name}", DirectiveLocation.ArgumentDefinition, field.Arguments.Values);
                    }

                    break;
                case InterfaceType interfaceType:
                    Check(interfaceType.Name, DirectiveLocation.Interface, interfaceType.Directives);
                    foreach (var field in interfaceType.Fields.Values)
                    {
                        Check($"{interfaceType.Name}.{field.Name}", DirectiveLocation.FieldDefinition, field.Directives);
                        CheckInputValues($"{interfaceType.Name}.{field.Name}", DirectiveLocation.ArgumentDefinition, field.Arguments.Values);
                    }

                    break;
                case UnionType union:
                    Check(union.Name, DirectiveLocation.Union, union.Directives);
                    break;
                case EnumType enumType:
                    Check(enumType.Name, DirectiveLocation.Enum, enumType.Directives);
                    foreach (var value in enumType.Values.Values)
                    {
                        Check($"{enumType.Name}.{value.Name}", DirectiveLocation.EnumValue, value.Directives);
                    }

                    break;
                case InputObjectType input:
                    Check(input.Name, DirectiveLocation.InputObject, input.Directives);
                    CheckInputValues(input.Name, DirectiveLocation.InputFieldDefinition, input.Fields.Values);
                    break;
                default:
                    break;
            }
        }

        foreach (var directive in schema.Directives.Values)
        {
            foreach (var argument in directive.Arguments.Values.Where(a => a.DefaultValue is not null))
            {
                if (!LiteralCoercion.TryCoerce(argument.DefaultValue!, argument.Type, null, out _))
                {
                    errors.Add($"The default value {Printer.Print(argument.DefaultValue!)} of @{directive.Name}({argument.Name}:) is not a valid {argument.Type}.");
                }
            }
        }
    }

    private static void ValidateRoots(Schema schema, List<string> errors)
    {
        ObjectType?[] roots = [schema.Query, schema.Mutation, schema.Subscription];
        var present = roots.Where(r => r is not null).Select(r => r!.Name).ToArray();
        if (present.Length != present.Distinct(StringComparer.Ordinal).Count())
        {
            errors.Add("The query, mutation and subscription root types must all be different types.");
        }
    }

    private static void ValidateFields(IComplexType type, List<string> errors)
    {
        if (type.Fields.Count == 0)
        {
            errors.Add($"Type {type.Name} must define one or more fields.");
        }

        foreach (var field in type.Fields.Values)
        {
            CheckName($"{type.Name}.{field.Name}", field.Name, errors);
            if (!field.Type.IsOutputType())
            {
                errors.Add($"The type of {type.Name}.{field.Name} must be Output Type but got: {field.Type}.");
            }

            foreach (var argument in field.Arguments.Values)
            {
                ValidateInputValue($"{type.Name}.{field.Name}({argument.Name}:)", argument, errors);
            }
        }
    }

    private static void ValidateInputValue(string where, InputValueDefinition value, List<string> errors)
    {
        CheckName(where, value.Name, errors);
        if (!value.Type.IsInputType())
        {
            errors.Add($"The type of {where} must be Input Type but got: {value.Type}.");
        }

        if (value.IsRequired && value.DeprecationReason is not null)
        {
            errors.Add($"Required argument or input field {where} cannot be deprecated.");
        }
    }

    private static void CheckName(string where, string name, List<string> errors)
    {
        if (name.StartsWith("__", StringComparison.Ordinal))
        {
            errors.Add($"Name \"{name}\" ({where}) must not begin with \"__\", which is reserved by GraphQL introspection.");
        }
    }

    private static void ValidateInterfaces(IComplexType type, List<string> errors)
    {
        foreach (var implemented in type.Interfaces)
        {
            if (implemented.Name == type.Name)
            {
                errors.Add($"Type {type.Name} cannot implement itself because it would create a circular reference.");
                continue;
            }

            // Transitive: implementing an interface means implementing what it implements.
            foreach (var inherited in implemented.Interfaces)
            {
                if (!type.Interfaces.Any(i => i.Name == inherited.Name))
                {
                    errors.Add(inherited.Name == type.Name
                        ? $"Type {type.Name} cannot implement {implemented.Name} because it would create a circular reference."
                        : $"Type {type.Name} must implement {inherited.Name} because it is implemented by {implemented.Name}.");
                }
            }

            foreach (var expected in implemented.Fields.Values)
            {
                if (!type.Fields.TryGetValue(expected.Name, out var actual))
                {
                    errors.Add($"Interface field {implemented.Name}.{expected.Name} expected but {type.Name} does not provide it.");
                    continue;
                }

                if (!IsValidImplementationFieldType(actual.Type, expected.Type))
                {
                    errors.Add($"Interface field {implemented.Name}.{expected.Name} expects type {expected.Type} but {type.Name}.{actual.Name} is type {actual.Type}.");
                }

                foreach (var expectedArgument in expected.Arguments.Values)
                {
                    if (!actual.Arguments.TryGetValue(expectedArgument.Name, out var actualArgument))
                    {
                        errors.Add($"Interface field argument {implemented.Name}.{expected.Name}({expectedArgument.Name}:) expected but {type.Name}.{actual.Name} does not provide it.");
                    }
                    else if (!actualArgument.Type.IsSameType(expectedArgument.Type))
                    {
                        errors.Add($"Interface field argument {implemented.Name}.{expected.Name}({expectedArgument.Name}:) expects type {expectedArgument.Type} but {type.Name}.{actual.Name}({actualArgument.Name}:) is type {actualArgument.Type}.");
                    }
                }

                foreach (var extra in actual.Arguments.Values.Where(a => !expected.Arguments.ContainsKey(a.Name) && a.IsRequired))
                {
                    errors.Add($"Argument \"{type.Name}.{actual.Name}({extra.Name}:)\" must not be required type \"{extra.Type}\" if not provided by the Interface field \"{implemented.Name}.{expected.Name}\".");
                }
            }
        }
    }

    private static bool IsValidImplementationFieldType(IGraphQLType fieldType, IGraphQLType implementedType)
    {
        if (fieldType is NonNullType nonNull)
        {
            return IsValidImplementationFieldType(nonNull.OfType, implementedType is NonNullType implementedNonNull ? implementedNonNull.OfType : implementedType);
        }

        if (implementedType is NonNullType)
        {
            return false;
        }

        if (fieldType is ListType list)
        {
            return implementedType is ListType implementedList && IsValidImplementationFieldType(list.OfType, implementedList.OfType);
        }

        if (implementedType is ListType)
        {
            return false;
        }

        var named = (INamedType)fieldType;
        return implementedType switch
        {
            INamedType same when same.Name == named.Name => true,
            UnionType union => named is ObjectType o && union.Types.Any(t => t.Name == o.Name),
            InterfaceType @interface => named is IComplexType complex && complex.Interfaces.Any(i => i.Name == @interface.Name),
            _ => false,
        };
    }

    private static void ValidateEnum(EnumType type, List<string> errors)
    {
        if (type.Values.Count == 0)
        {
            errors.Add($"Enum type {type.Name} must define one or more values.");
        }

        foreach (var value in type.Values.Keys)
        {
            CheckName($"{type.Name}.{value}", value, errors);
            if (value is "true" or "false" or "null")
            {
                errors.Add($"Enum type {type.Name} cannot include value: {value}.");
            }
        }
    }

    private static void ValidateInputObject(InputObjectType type, List<string> errors)
    {
        if (type.Fields.Count == 0)
        {
            errors.Add($"Input Object type {type.Name} must define one or more fields.");
        }

        foreach (var field in type.Fields.Values)
        {
            ValidateInputValue($"{type.Name}.{field.Name}", field, errors);
            if (type.IsOneOf && field.Type is NonNullType)
            {
                errors.Add($"OneOf input field {type.Name}.{field.Name} must be nullable.");
            }

            if (type.IsOneOf && field.DefaultValue is not null)
            {
                errors.Add($"OneOf input field {type.Name}.{field.Name} cannot have a default value.");
            }
        }

        var cycle = NonNullCycle(type, type, [], new HashSet<string>(StringComparer.Ordinal));
        if (cycle is not null)
        {
            errors.Add($"Cannot reference Input Object \"{type.Name}\" within itself through a series of non-null fields: \"{string.Join('.', cycle)}\".");
        }
    }

    // An input object that requires itself through non-null, non-list fields can never be written.
    private static List<string>? NonNullCycle(InputObjectType origin, InputObjectType current, List<string> path, HashSet<string> visited)
    {
        if (!visited.Add(current.Name))
        {
            return null;
        }

        foreach (var field in current.Fields.Values)
        {
            if (field.Type is NonNullType { OfType: InputObjectType next })
            {
                path.Add(field.Name);
                if (next.Name == origin.Name)
                {
                    return [.. path];
                }

                var found = NonNullCycle(origin, next, path, visited);
                if (found is not null)
                {
                    return found;
                }

                path.RemoveAt(path.Count - 1);
            }
        }

        return null;
    }
}
