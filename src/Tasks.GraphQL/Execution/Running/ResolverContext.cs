using Tasks.GraphQL.Execution.Planning;
using Tasks.GraphQL.Execution.Resolving;
using Tasks.GraphQL.Execution.Results;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.GraphQL.Execution.Running;

/// <summary>The executor's <see cref="IResolverContext"/>: one per resolver call, its path built only if asked for.</summary>
internal sealed class ResolverContext : IResolverContext
{
    private readonly FieldPlan plan;
    private readonly ResultPosition position;
    private object[]? builtPath;

    public ResolverContext(OperationExecution execution, FieldPlan plan, ObjectType parentType, object? parent, IReadOnlyDictionary<string, object?> arguments, ResultPosition position)
    {
        Execution = execution;
        this.plan = plan;
        ParentType = parentType;
        Parent = parent;
        Arguments = arguments;
        this.position = position;
    }

    public object? Parent { get; }

    public FieldDefinition Field => plan.Definition;

    public ObjectType ParentType { get; }

    public IReadOnlyDictionary<string, object?> Arguments { get; }

    public RequestContext Request => Execution.Request;

    public IReadOnlyList<object> Path => builtPath ??= Execution.HasEnded
        ? throw new InvalidOperationException("The path of a field is only available while its request executes.")
        : position.ToPath();

    public CancellationToken CancellationToken => Execution.CancellationToken;

    public IDictionary<string, object> RequestItems => Execution.RequestItems;

    /// <summary>The execution the resolver runs in (its schema, its batch loaders).</summary>
    internal OperationExecution Execution { get; }

    public T? Argument<T>(string name) => ArgumentConversion.Convert<T>(name, Arguments.GetValueOrDefault(name));
}
