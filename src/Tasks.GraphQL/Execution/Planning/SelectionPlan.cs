using Tasks.GraphQL.TypeSystem;

namespace Tasks.GraphQL.Execution.Planning;

/// <summary>
/// The result of CollectFields (spec §6.3.2) for one object type and one selection: the fields to execute, in response
/// order, each with everything about it that does not change between requests worked out once.
/// </summary>
/// <param name="Type">The object type whose fields these are.</param>
/// <param name="Fields">The fields, in the order their response keys first appear.</param>
internal sealed record SelectionPlan(ObjectType Type, FieldPlan[] Fields);
