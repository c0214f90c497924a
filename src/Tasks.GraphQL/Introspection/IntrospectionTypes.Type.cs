using Tasks.GraphQL.Execution.Resolving;
using Tasks.GraphQL.Execution.Running;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.GraphQL.Introspection;

/// <summary><c>__Type</c>, over any <see cref="IGraphQLType"/>: fields that do not apply to a type's kind are null.</summary>
public static partial class IntrospectionTypes
{
    private static void DefineType(Definitions d)
    {
        var type = d.Type;
        Add(type, "kind", NonNull(d.TypeKind), "What kind of type this is.", Read<IGraphQLType>(t => t.Kind));
        Add(type, "name", BuiltInScalars.String, "The name of a named type; null for lists and non-null types.", Read<IGraphQLType>(t => (t as INamedType)?.Name));
        Add(type, "description", BuiltInScalars.String, "The description of a named type, if any.", Read<IGraphQLType>(t => (t as INamedType)?.Description));
        Add(type, "specifiedByURL", BuiltInScalars.String, "For a scalar: a URL that specifies its behaviour, if any.", Read<IGraphQLType>(SpecifiedBy));
        Add(type, "fields", ListOf(NonNull(d.Field)), "For objects and interfaces: their fields.", Read<IGraphQLType>(
            (t, context) => t is IComplexType complex ? complex.Fields.Values.Where(f => Includes(context) || !f.IsDeprecated).ToArray() : null),
            IncludeDeprecated());
        Add(type, "interfaces", ListOf(NonNull(d.Type)), "For objects and interfaces: the interfaces they implement.", Read<IGraphQLType>(t => (t as IComplexType)?.Interfaces));
        Add(type, "possibleTypes", ListOf(NonNull(d.Type)), "For interfaces and unions: the object types a value can be.", Read<IGraphQLType>(
            (t, context) => t is IAbstractType abstractType ? SchemaOf(context).GetPossibleTypes(abstractType) : null));
        Add(type, "enumValues", ListOf(NonNull(d.EnumValue)), "For enums: their values.", Read<IGraphQLType>(
            (t, context) => t is EnumType enumType ? enumType.Values.Values.Where(v => Includes(context) || v.DeprecationReason is null).ToArray() : null),
            IncludeDeprecated());
        Add(type, "inputFields", ListOf(NonNull(d.InputValue)), "For input objects: their fields.", Read<IGraphQLType>(
            (t, context) => t is InputObjectType input ? input.Fields.Values.Where(f => Includes(context) || f.DeprecationReason is null).ToArray() : null),
            IncludeDeprecated());
        Add(type, "ofType", d.Type, "For lists and non-null types: the type they wrap.", Read<IGraphQLType>(t => t switch
        {
            ListType list => list.OfType,
            NonNullType nonNull => nonNull.OfType,
            _ => null,
        }));
        Add(type, "isOneOf", BuiltInScalars.Boolean, "For input objects: whether exactly one field must be given (@oneOf).", Read<IGraphQLType>(t => (t as InputObjectType)?.IsOneOf));
    }

    private static string? SpecifiedBy(IGraphQLType type)
    {
        if (type is not ScalarType scalar)
        {
            return null;
        }

        if (scalar.SpecifiedByUrl is { } url)
        {
            return url;
        }

        var applied = scalar.Directives.FirstOrDefault(d => d.Name == "specifiedBy");
        return applied?.Arguments.FirstOrDefault(a => a.Name.Value == "url")?.Value is Language.StringValueNode written ? written.Value : null;
    }

    // The introspection types are shared by every schema, so the schema comes from the execution, not the type.
    private static TypeSystem.Schema SchemaOf(IResolverContext context) => context is ResolverContext ours
        ? ours.Execution.Schema
        : throw new InvalidOperationException("Introspection resolvers run inside the executor, which knows the schema.");
}
