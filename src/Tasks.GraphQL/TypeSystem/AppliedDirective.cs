using Tasks.GraphQL.Language;

namespace Tasks.GraphQL.TypeSystem;

/// <summary>A directive applied to a schema element (for example <c>@deprecated(reason: "...")</c>).</summary>
/// <param name="Name">The directive's name.</param>
/// <param name="Arguments">Its arguments as written.</param>
public sealed record AppliedDirective(string Name, IReadOnlyList<ArgumentNode> Arguments);
