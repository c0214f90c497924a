using Tasks.Api.Tasks;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.Api.Functions;

/// <summary>One change to a function (GraphQL <c>FunctionEvent</c>); environment values are masked in <see cref="Data"/>.</summary>
/// <param name="Type">The stored event name.</param>
/// <param name="Version">The event's position in the stream.</param>
/// <param name="Timestamp">When it was recorded.</param>
/// <param name="Actor">Who changed it.</param>
/// <param name="CorrelationId">The request that changed it.</param>
/// <param name="Data">The event's data with environment values replaced.</param>
public sealed record FunctionEventView(string Type, int Version, DateTimeOffset Timestamp, ActorView? Actor, Guid? CorrelationId, RawJson Data);
