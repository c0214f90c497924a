using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Tasks.GraphQL.TypeSystem.Building;

namespace Tasks.GraphQL.Introspection;

/// <summary>Puts the introspection types into every schema the <see cref="SchemaBuilder"/> builds.</summary>
internal static class IntrospectionRegistration
{
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries", Justification = "The type system must contain the introspection types however the assembly is first used; registration only stores a delegate.")]
    internal static void Register() => SchemaBuilder.SystemTypes = () => IntrospectionTypes.All;
}
