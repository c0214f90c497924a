using Tasks.GraphQL.Execution.Resolving;
using Tasks.GraphQL.Language;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.GraphQL.Introspection;

/// <summary>
/// The introspection types of spec §4.2 (current draft): <c>__Schema</c>, <c>__Type</c>, <c>__Field</c>,
/// <c>__InputValue</c>, <c>__EnumValue</c>, <c>__Directive</c>, <c>__TypeKind</c> and <c>__DirectiveLocation</c>. They are
/// shared by every schema; their resolvers read the type system model itself (a <c>__Type</c> is an
/// <see cref="IGraphQLType"/>, a <c>__Field</c> a <see cref="FieldDefinition"/>, and so on), so nothing is copied.
/// </summary>
public static partial class IntrospectionTypes
{
    private static readonly Definitions Built = Definitions.Create();

    /// <summary><c>__Schema</c>.</summary>
    public static ObjectType Schema => Built.Schema;

    /// <summary><c>__Type</c>.</summary>
    public static ObjectType Type => Built.Type;

    /// <summary><c>__Field</c>.</summary>
    public static ObjectType Field => Built.Field;

    /// <summary><c>__InputValue</c>.</summary>
    public static ObjectType InputValue => Built.InputValue;

    /// <summary><c>__EnumValue</c>.</summary>
    public static ObjectType EnumValue => Built.EnumValue;

    /// <summary><c>__Directive</c>.</summary>
    public static ObjectType Directive => Built.Directive;

    /// <summary><c>__TypeKind</c>; its runtime values are <see cref="TypeSystem.TypeKind"/>s.</summary>
    public static EnumType TypeKind => Built.TypeKind;

    /// <summary><c>__DirectiveLocation</c>; its runtime values are <see cref="Language.DirectiveLocation"/>s.</summary>
    public static EnumType DirectiveLocation => Built.DirectiveLocation;

    /// <summary>All of them, as every schema contains them.</summary>
    public static IReadOnlyList<INamedType> All => Built.All;

    private static ListType ListOf(IGraphQLType type) => new(type);

    private static NonNullType NonNull(IGraphQLType type) => new(type);

    private static void Add(ObjectType type, string name, IGraphQLType fieldType, string description, FieldResolver resolver, IReadOnlyDictionary<string, InputValueDefinition>? arguments = null) =>
        type.FieldMap.Add(name, new FieldDefinition(name, fieldType)
        {
            Description = description,
            Resolver = resolver,
            Arguments = arguments ?? new Dictionary<string, InputValueDefinition>(),
        });

    /// <summary>A synchronous resolver reading the parent, which introspection resolvers never see null.</summary>
    private static FieldResolver Read<TParent>(Func<TParent, object?> read) =>
        context => new ValueTask<object?>(read((TParent)context.Parent!));

    private static FieldResolver Read<TParent>(Func<TParent, IResolverContext, object?> read) =>
        context => new ValueTask<object?>(read((TParent)context.Parent!, context));

    private static Dictionary<string, InputValueDefinition> IncludeDeprecated() => new(StringComparer.Ordinal)
    {
        ["includeDeprecated"] = new("includeDeprecated", BuiltInScalars.Boolean) { DefaultValue = new BooleanValueNode { Value = false } },
    };

    private static bool Includes(IResolverContext context) => context.Argument<bool?>("includeDeprecated") ?? false;

    private sealed record Definitions(
        ObjectType Schema,
        ObjectType Type,
        ObjectType Field,
        ObjectType InputValue,
        ObjectType EnumValue,
        ObjectType Directive,
        EnumType TypeKind,
        EnumType DirectiveLocation)
    {
        public IReadOnlyList<INamedType> All { get; } = [Schema, Type, Field, InputValue, EnumValue, Directive, TypeKind, DirectiveLocation];

        public static Definitions Create()
        {
            var definitions = new Definitions(
                new ObjectType("__Schema") { Description = "A GraphQL Schema defines the capabilities of a GraphQL server: its types and directives, and the root types of its operations." },
                new ObjectType("__Type") { Description = "Every type of the schema, and the list and non-null wrappers of types. Which fields hold a value depends on `kind`." },
                new ObjectType("__Field") { Description = "A field of an Object or Interface type: its name, arguments and type." },
                new ObjectType("__InputValue") { Description = "An argument of a field or directive, or a field of an Input Object: its name, type and default value." },
                new ObjectType("__EnumValue") { Description = "One of the values of an Enum type." },
                new ObjectType("__Directive") { Description = "A directive the server understands: where it may appear and what arguments it takes." },
                CreateTypeKind(),
                CreateDirectiveLocation());
            DefineSchema(definitions);
            DefineType(definitions);
            DefineField(definitions);
            DefineInputValue(definitions);
            DefineEnumValue(definitions);
            DefineDirective(definitions);
            return definitions;
        }
    }
}
