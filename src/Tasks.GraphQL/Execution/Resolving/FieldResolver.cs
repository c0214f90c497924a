namespace Tasks.GraphQL.Execution.Resolving;

/// <summary>Produces a field's value from its parent value, arguments and request context.</summary>
public delegate ValueTask<object?> FieldResolver(IResolverContext context);

/// <summary>Produces a subscription field's source stream: one item per event.</summary>
public delegate ValueTask<IAsyncEnumerable<object?>> SubscriptionResolver(IResolverContext context);
