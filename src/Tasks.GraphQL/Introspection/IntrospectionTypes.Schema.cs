using System.Runtime.CompilerServices;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.GraphQL.Introspection;

/// <summary><c>__Schema</c>, over a <see cref="TypeSystem.Schema"/>.</summary>
public static partial class IntrospectionTypes
{
    // A schema's types and directives sorted once: introspection results should not depend on hash order.
    private static readonly ConditionalWeakTable<TypeSystem.Schema, SortedSchema> Sorted = [];

    private static void DefineSchema(Definitions d)
    {
        var schema = d.Schema;
        Add(schema, "description", BuiltInScalars.String, "The schema's description, if any.", Read<TypeSystem.Schema>(s => s.Description));
        Add(schema, "types", NonNull(ListOf(NonNull(d.Type))), "Every named type of the schema, the introspection types included.", Read<TypeSystem.Schema>(s => SortedOf(s).Types));
        Add(schema, "queryType", NonNull(d.Type), "The root type of query operations.", Read<TypeSystem.Schema>(s => s.Query));
        Add(schema, "mutationType", d.Type, "The root type of mutation operations, if the schema has mutations.", Read<TypeSystem.Schema>(s => s.Mutation));
        Add(schema, "subscriptionType", d.Type, "The root type of subscription operations, if the schema has subscriptions.", Read<TypeSystem.Schema>(s => s.Subscription));
        Add(schema, "directives", NonNull(ListOf(NonNull(d.Directive))), "Every directive the schema defines, the built-in ones included.", Read<TypeSystem.Schema>(s => SortedOf(s).Directives));
    }

    private static SortedSchema SortedOf(TypeSystem.Schema schema) => Sorted.GetValue(schema, static s => new SortedSchema(
        [.. s.Types.Values.OrderBy(t => t.Name, StringComparer.Ordinal)],
        [.. s.Directives.Values.OrderBy(d => d.Name, StringComparer.Ordinal)]));

    private sealed record SortedSchema(INamedType[] Types, DirectiveDefinition[] Directives);
}
