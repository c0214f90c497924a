using Tasks.GraphQL.Execution.Resolving;
using Tasks.GraphQL.Language;

namespace Tasks.GraphQL.TypeSystem.Building;

/// <summary>
/// Builds a <see cref="Schema"/> from SDL (the contract file) and binds resolvers to its fields.
/// Every rule of the type system is checked when <see cref="Build"/> runs; a broken schema never serves.
/// </summary>
public sealed class SchemaBuilder
{
    private readonly List<DocumentNode> documents = [];
    private readonly Dictionary<string, ScalarType> scalars = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Type, string Field), FieldResolver> resolvers = [];
    private readonly Dictionary<(string Type, string Field), SubscriptionResolver> subscribers = [];
    private readonly Dictionary<string, Func<object, string?>> typeResolvers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<object, bool>> typeChecks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyDictionary<string, object>> enumBindings = new(StringComparer.Ordinal);

    /// <summary>Types every schema gets besides those of its SDL (the introspection types); set once by the introspection module.</summary>
    internal static Func<IReadOnlyList<INamedType>>? SystemTypes { get; set; }

    /// <summary>A builder starting from <paramref name="sdl"/>.</summary>
    public static SchemaBuilder FromSdl(string sdl) => new SchemaBuilder().AddSdl(sdl);

    /// <summary>Adds more SDL (definitions and extensions).</summary>
    public SchemaBuilder AddSdl(string sdl)
    {
        documents.Add(Parser.Parse(sdl));
        return this;
    }

    /// <summary>Supplies the implementation of a custom scalar the SDL declares.</summary>
    public SchemaBuilder AddScalar(ScalarType scalar)
    {
        ArgumentNullException.ThrowIfNull(scalar);
        scalars[scalar.Name] = scalar;
        return this;
    }

    /// <summary>Binds the resolver of <paramref name="type"/>.<paramref name="field"/>.</summary>
    public SchemaBuilder Resolve(string type, string field, FieldResolver resolver)
    {
        resolvers[(type, field)] = resolver;
        return this;
    }

    /// <summary>Binds a synchronous resolver of <paramref name="type"/>.<paramref name="field"/>.</summary>
    public SchemaBuilder Resolve(string type, string field, Func<IResolverContext, object?> resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        return Resolve(type, field, context => ValueTask.FromResult(resolver(context)));
    }

    /// <summary>Binds an asynchronous resolver of <paramref name="type"/>.<paramref name="field"/> (so a task is awaited, never returned as the value).</summary>
    public SchemaBuilder Resolve<T>(string type, string field, Func<IResolverContext, Task<T>> resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        FieldResolver awaiting = async context => await resolver(context);
        return Resolve(type, field, awaiting);
    }

    /// <summary>Binds the source stream of the subscription field <paramref name="type"/>.<paramref name="field"/>.</summary>
    public SchemaBuilder Subscribe(string type, string field, SubscriptionResolver subscriber)
    {
        subscribers[(type, field)] = subscriber;
        return this;
    }

    /// <summary>Tells how to find the object type name of a value of the interface or union <paramref name="abstractType"/>.</summary>
    public SchemaBuilder ResolveType(string abstractType, Func<object, string?> resolve)
    {
        typeResolvers[abstractType] = resolve;
        return this;
    }

    /// <summary>Tells whether a value is of the object type <paramref name="objectType"/>.</summary>
    public SchemaBuilder IsTypeOf(string objectType, Func<object, bool> check)
    {
        typeChecks[objectType] = check;
        return this;
    }

    /// <summary>Maps an enum's names to the values resolvers use (by default, the names themselves).</summary>
    public SchemaBuilder BindEnum(string enumName, IReadOnlyDictionary<string, object> values)
    {
        enumBindings[enumName] = values;
        return this;
    }

    /// <summary>Builds and validates the schema.</summary>
    /// <exception cref="SchemaValidationException">The schema breaks rules of the type system.</exception>
    /// <exception cref="GraphQLSyntaxException">The SDL does not parse.</exception>
    public Schema Build()
    {
        var build = new SchemaAssembly(this);
        return build.Assemble();
    }

    private sealed class SchemaAssembly(SchemaBuilder builder)
    {
        private readonly List<string> errors = [];
        private readonly Dictionary<string, ITypeDefinitionNode> definitions = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<ITypeExtensionNode>> extensions = new(StringComparer.Ordinal);
        private readonly Dictionary<string, INamedType> types = new(StringComparer.Ordinal);
        private readonly Dictionary<string, DirectiveDefinition> directives = new(StringComparer.Ordinal);
        private readonly List<DirectiveDefinitionNode> directiveNodes = [];
        private readonly List<SchemaDefinitionNode> schemaDefinitions = [];
        private readonly List<SchemaExtensionNode> schemaExtensions = [];

        public Schema Assemble()
        {
            Collect();
            foreach (var scalar in BuiltInScalars.Specified)
            {
                types[scalar.Name] = scalar;
            }

            foreach (var directive in BuiltInDirectives.All)
            {
                directives[directive.Name] = directive;
            }

            foreach (var system in SystemTypes?.Invoke() ?? [])
            {
                types[system.Name] = system;
            }

            foreach (var definition in definitions.Values)
            {
                CreateShell(definition);
            }

            foreach (var name in extensions.Keys.Where(n => !definitions.ContainsKey(n) && !types.ContainsKey(n)))
            {
                errors.Add($"Cannot extend type \"{name}\" because it is not defined.");
            }

            foreach (var node in directiveNodes)
            {
                DefineDirective(node);
            }

            foreach (var definition in definitions.Values)
            {
                Fill(definition);
            }

            BindResolvers();
            var (query, mutation, subscription) = RootTypes();
            if (errors.Count == 0 && query is not null)
            {
                var schema = new Schema(query, mutation, subscription, types.Values, directives.Values, schemaDefinitions.FirstOrDefault()?.Description?.Value);
                errors.AddRange(SchemaValidator.Validate(schema));
                if (errors.Count == 0)
                {
                    return schema;
                }
            }

            throw new SchemaValidationException(errors);
        }

        private void Collect()
        {
            foreach (var definition in builder.documents.SelectMany(d => d.Definitions))
            {
                switch (definition)
                {
                    case ITypeDefinitionNode type when BuiltInScalars.ByName.ContainsKey(type.Name.Value) && type is ScalarTypeDefinitionNode && BuiltInScalars.Specified.Any(s => s.Name == type.Name.Value):
                        // Declaring a specified scalar is allowed and changes nothing.
                        break;
                    case ITypeDefinitionNode type:
                        if (type.Name.Value.StartsWith("__", StringComparison.Ordinal))
                        {
                            errors.Add($"Name \"{type.Name.Value}\" must not begin with \"__\", which is reserved by GraphQL introspection.");
                        }
                        else if (!definitions.TryAdd(type.Name.Value, type) || BuiltInScalars.Specified.Any(s => s.Name == type.Name.Value))
                        {
                            errors.Add($"There can be only one type named \"{type.Name.Value}\".");
                        }

                        break;
                    case ITypeExtensionNode extension:
                        if (!extensions.TryGetValue(extension.Name.Value, out var list))
                        {
                            extensions[extension.Name.Value] = list = [];
                        }

                        list.Add(extension);
                        break;
                    case DirectiveDefinitionNode directive:
                        directiveNodes.Add(directive);
                        break;
                    case SchemaDefinitionNode schema:
                        schemaDefinitions.Add(schema);
                        break;
                    case SchemaExtensionNode schemaExtension:
                        schemaExtensions.Add(schemaExtension);
                        break;
                    default:
                        errors.Add($"A schema document cannot contain executable definitions ({definition.Kind}).");
                        break;
                }
            }

            if (schemaDefinitions.Count > 1)
            {
                errors.Add("Must provide only one schema definition.");
            }
        }

        private List<ITypeExtensionNode> ExtensionsOf(string name) => extensions.TryGetValue(name, out var list) ? list : [];

        private List<AppliedDirective> DirectivesOf(IHasDirectives node) =>
            [.. node.Directives.Concat(ExtensionsOf(((ITypeDefinitionNode)node).Name.Value).SelectMany(e => e.Directives)).Select(d => new AppliedDirective(d.Name.Value, d.Arguments))];

        private void CreateShell(ITypeDefinitionNode definition)
        {
            var name = definition.Name.Value;
            var description = definition.Description?.Value;
            var applied = DirectivesOf(definition);
            foreach (var extension in ExtensionsOf(name).Where(e => !Matches(definition, e)))
            {
                errors.Add($"Cannot extend non-{KindName(definition)} type \"{name}\".");
            }

            INamedType? shell = definition switch
            {
                ScalarTypeDefinitionNode => builder.scalars.GetValueOrDefault(name) ?? BuiltInScalars.ByName.GetValueOrDefault(name),
                ObjectTypeDefinitionNode => new ObjectType(name) { Description = description, Directives = applied },
                InterfaceTypeDefinitionNode => new InterfaceType(name) { Description = description, Directives = applied },
                UnionTypeDefinitionNode => new UnionType(name) { Description = description, Directives = applied },
                EnumTypeDefinitionNode => new EnumType(name) { Description = description, Directives = applied },
                InputObjectTypeDefinitionNode => new InputObjectType(name) { Description = description, Directives = applied, IsOneOf = applied.Any(d => d.Name == "oneOf") },
                _ => null,
            };
            if (shell is null)
            {
                errors.Add($"Scalar \"{name}\" has no implementation: register one with AddScalar (built in: {string.Join(", ", BuiltInScalars.ByName.Keys)}).");
                return;
            }

            types[name] = shell;
        }

        private static bool Matches(ITypeDefinitionNode definition, ITypeExtensionNode extension) => (definition, extension) switch
        {
            (ScalarTypeDefinitionNode, ScalarTypeExtensionNode) => true,
            (ObjectTypeDefinitionNode, ObjectTypeExtensionNode) => true,
            (InterfaceTypeDefinitionNode, InterfaceTypeExtensionNode) => true,
            (UnionTypeDefinitionNode, UnionTypeExtensionNode) => true,
            (EnumTypeDefinitionNode, EnumTypeExtensionNode) => true,
            (InputObjectTypeDefinitionNode, InputObjectTypeExtensionNode) => true,
            _ => false,
        };

        private static string KindName(ITypeDefinitionNode definition) => definition switch
        {
            ScalarTypeDefinitionNode => "scalar",
            ObjectTypeDefinitionNode => "object",
            InterfaceTypeDefinitionNode => "interface",
            UnionTypeDefinitionNode => "union",
            EnumTypeDefinitionNode => "enum",
            _ => "input object",
        };

        private void Fill(ITypeDefinitionNode definition)
        {
            var name = definition.Name.Value;
            if (!types.TryGetValue(name, out var shell))
            {
                return;
            }

            var more = ExtensionsOf(name).ToArray();
            switch (shell, definition)
            {
                case (ObjectType type, ObjectTypeDefinitionNode node):
                    AddFields(type.Name, type.FieldMap, node.Fields.Concat(more.OfType<ObjectTypeExtensionNode>().SelectMany(e => e.Fields)));
                    AddInterfaces(type.Name, type.InterfaceList, node.Interfaces.Concat(more.OfType<ObjectTypeExtensionNode>().SelectMany(e => e.Interfaces)));
                    break;
                case (InterfaceType type, InterfaceTypeDefinitionNode node):
                    AddFields(type.Name, type.FieldMap, node.Fields.Concat(more.OfType<InterfaceTypeExtensionNode>().SelectMany(e => e.Fields)));
                    AddInterfaces(type.Name, type.InterfaceList, node.Interfaces.Concat(more.OfType<InterfaceTypeExtensionNode>().SelectMany(e => e.Interfaces)));
                    break;
                case (UnionType type, UnionTypeDefinitionNode node):
                    foreach (var member in node.Types.Concat(more.OfType<UnionTypeExtensionNode>().SelectMany(e => e.Types)))
                    {
                        if (types.GetValueOrDefault(member.Name.Value) is ObjectType objectType)
                        {
                            if (type.MemberList.Contains(objectType))
                            {
                                errors.Add($"Union type {name} can only include type {objectType.Name} once.");
                            }
                            else
                            {
                                type.MemberList.Add(objectType);
                            }
                        }
                        else
                        {
                            errors.Add($"Union type {name} can only include Object types, it cannot include {member.Name.Value}.");
                        }
                    }

                    break;
                case (EnumType type, EnumTypeDefinitionNode node):
                    var bound = builder.enumBindings.GetValueOrDefault(name);
                    foreach (var value in node.Values.Concat(more.OfType<EnumTypeExtensionNode>().SelectMany(e => e.Values)))
                    {
                        var valueName = value.Name.Value;
                        var runtime = bound is null ? valueName : bound.GetValueOrDefault(valueName);
                        if (runtime is null)
                        {
                            errors.Add($"Enum value {name}.{valueName} has no bound value.");
                            continue;
                        }

                        if (!type.ValueMap.TryAdd(valueName, new EnumValueDefinition(valueName, runtime)
                        {
                            Description = value.Description?.Value,
                            DeprecationReason = DeprecationReason(value.Directives),
                            Directives = [.. value.Directives.Select(d => new AppliedDirective(d.Name.Value, d.Arguments))],
                        }))
                        {
                            errors.Add($"Enum value \"{name}.{valueName}\" can only be defined once.");
                        }
                    }

                    break;
                case (InputObjectType type, InputObjectTypeDefinitionNode node):
                    foreach (var field in node.Fields.Concat(more.OfType<InputObjectTypeExtensionNode>().SelectMany(e => e.Fields)))
                    {
                        if (!type.FieldMap.TryAdd(field.Name.Value, InputValue(field)))
                        {
                            errors.Add($"Field \"{name}.{field.Name.Value}\" can only be defined once.");
                        }
                    }

                    break;
                default:
                    break;
            }
        }

        private void AddFields(string typeName, Dictionary<string, FieldDefinition> fields, IEnumerable<FieldDefinitionNode> nodes)
        {
            foreach (var node in nodes)
            {
                var arguments = new Dictionary<string, InputValueDefinition>(StringComparer.Ordinal);
                foreach (var argument in node.Arguments)
                {
                    if (!arguments.TryAdd(argument.Name.Value, InputValue(argument)))
                    {
                        errors.Add($"Argument \"{typeName}.{node.Name.Value}({argument.Name.Value}:)\" can only be defined once.");
                    }
                }

                var field = new FieldDefinition(node.Name.Value, TypeOf(node.Type, $"{typeName}.{node.Name.Value}"))
                {
                    Description = node.Description?.Value,
                    DeprecationReason = DeprecationReason(node.Directives),
                    Arguments = arguments,
                    Directives = [.. node.Directives.Select(d => new AppliedDirective(d.Name.Value, d.Arguments))],
                };
                if (!fields.TryAdd(field.Name, field))
                {
                    errors.Add($"Field \"{typeName}.{field.Name}\" can only be defined once.");
                }
            }
        }

        private void AddInterfaces(string typeName, List<InterfaceType> interfaces, IEnumerable<NamedTypeNode> nodes)
        {
            foreach (var node in nodes)
            {
                if (types.GetValueOrDefault(node.Name.Value) is InterfaceType found)
                {
                    if (interfaces.Contains(found))
                    {
                        errors.Add($"Type {typeName} can only implement {found.Name} once.");
                    }
                    else
                    {
                        interfaces.Add(found);
                    }
                }
                else
                {
                    errors.Add($"Type {typeName} must only implement Interface types, it cannot implement {node.Name.Value}.");
                }
            }
        }

        private InputValueDefinition InputValue(InputValueDefinitionNode node) => new(node.Name.Value, TypeOf(node.Type, node.Name.Value))
        {
            Description = node.Description?.Value,
            DefaultValue = node.DefaultValue,
            DeprecationReason = DeprecationReason(node.Directives),
            Directives = [.. node.Directives.Select(d => new AppliedDirective(d.Name.Value, d.Arguments))],
        };

        private IGraphQLType TypeOf(ITypeNode node, string where)
        {
            switch (node)
            {
                case NonNullTypeNode nonNull:
                    return new NonNullType(TypeOf(nonNull.Type, where));
                case ListTypeNode list:
                    return new ListType(TypeOf(list.Type, where));
                case NamedTypeNode named when types.TryGetValue(named.Name.Value, out var type):
                    return type;
                case NamedTypeNode named:
                    errors.Add($"Unknown type \"{named.Name.Value}\" (used by {where}).");
                    return BuiltInScalars.String;
                default:
                    throw new ArgumentException($"unknown type node {node.Kind}", nameof(node));
            }
        }

        private static string? DeprecationReason(IReadOnlyList<DirectiveNode> applied)
        {
            var deprecated = applied.FirstOrDefault(d => d.Name.Value == "deprecated");
            if (deprecated is null)
            {
                return null;
            }

            return deprecated.Arguments.FirstOrDefault(a => a.Name.Value == "reason")?.Value is StringValueNode reason
                ? reason.Value
                : BuiltInDirectives.DefaultDeprecationReason;
        }

        private void DefineDirective(DirectiveDefinitionNode node)
        {
            var name = node.Name.Value;
            if (directives.ContainsKey(name))
            {
                errors.Add($"Directive \"@{name}\" already exists in the schema. It cannot be redefined.");
                return;
            }

            if (name.StartsWith("__", StringComparison.Ordinal))
            {
                errors.Add($"Name \"{name}\" must not begin with \"__\", which is reserved by GraphQL introspection.");
            }

            var arguments = new Dictionary<string, InputValueDefinition>(StringComparer.Ordinal);
            foreach (var argument in node.Arguments)
            {
                if (!arguments.TryAdd(argument.Name.Value, InputValue(argument)))
                {
                    errors.Add($"Argument \"@{name}({argument.Name.Value}:)\" can only be defined once.");
                }
            }

            directives[name] = new DirectiveDefinition(name, node.Locations, node.IsRepeatable) { Description = node.Description?.Value, Arguments = arguments };
        }

        private void BindResolvers()
        {
            foreach (var ((typeName, fieldName), resolver) in builder.resolvers)
            {
                if (FieldOf(typeName, fieldName) is { } field)
                {
                    field.Resolver = resolver;
                }
            }

            foreach (var ((typeName, fieldName), subscriber) in builder.subscribers)
            {
                if (FieldOf(typeName, fieldName) is { } field)
                {
                    field.Subscriber = subscriber;
                }
            }

            foreach (var (typeName, resolve) in builder.typeResolvers)
            {
                Func<object, ObjectType?> byName = value => resolve(value) is { } found && types.GetValueOrDefault(found) is ObjectType objectType ? objectType : null;
                switch (types.GetValueOrDefault(typeName))
                {
                    case InterfaceType i:
                        i.ResolveType = byName;
                        break;
                    case UnionType u:
                        u.ResolveType = byName;
                        break;
                    default:
                        errors.Add($"Cannot bind a type resolver to \"{typeName}\": it is not an interface or union of the schema.");
                        break;
                }
            }

            foreach (var (typeName, check) in builder.typeChecks)
            {
                if (types.GetValueOrDefault(typeName) is ObjectType objectType)
                {
                    objectType.IsTypeOf = check;
                }
                else
                {
                    errors.Add($"Cannot bind IsTypeOf to \"{typeName}\": it is not an object type of the schema.");
                }
            }
        }

        private FieldDefinition? FieldOf(string typeName, string fieldName)
        {
            if (types.GetValueOrDefault(typeName) is IComplexType complex && complex.Fields.TryGetValue(fieldName, out var field))
            {
                return field;
            }

            // A resolver bound to nothing is almost always a typo: say so rather than ignore it.
            errors.Add($"Cannot bind a resolver to \"{typeName}.{fieldName}\": the schema has no such field.");
            return null;
        }

        private (ObjectType? Query, ObjectType? Mutation, ObjectType? Subscription) RootTypes()
        {
            var operationTypes = schemaDefinitions.Take(1).SelectMany(s => s.OperationTypes).Concat(schemaExtensions.SelectMany(e => e.OperationTypes)).ToArray();
            ObjectType? Root(OperationType operation, string defaultName)
            {
                var declared = operationTypes.Where(o => o.Operation == operation).ToArray();
                if (declared.Length > 1)
                {
                    errors.Add($"There can be only one {operation.ToKeyword()} type in schema.");
                }

                if (declared.Length == 0)
                {
                    return schemaDefinitions.Count == 0 ? types.GetValueOrDefault(defaultName) as ObjectType : null;
                }

                var name = declared[0].Type.Name.Value;
                if (types.GetValueOrDefault(name) is ObjectType root)
                {
                    return root;
                }

                errors.Add($"{operation} root type must be Object type, it cannot be {name}.");
                return null;
            }

            var query = Root(OperationType.Query, "Query");
            if (query is null)
            {
                errors.Add("Query root type must be provided.");
            }

            return (query, Root(OperationType.Mutation, "Mutation"), Root(OperationType.Subscription, "Subscription"));
        }
    }
}
