namespace Tasks.Messaging.Contracts;

/// <summary>
/// The documents service's message that a document went through a transition (exchange <c>documents</c>, routing key
/// <c>document.transitioned</c>); see docs/messages.md. Only what the service acts on is kept: its task actions.
/// </summary>
/// <param name="MessageId">The message id: the AMQP <c>message_id</c> property, which the body's <c>messageId</c> must match.</param>
/// <param name="OccurredAt">When the transition happened.</param>
/// <param name="SchemaId">The document's schema.</param>
/// <param name="DocumentId">The document.</param>
/// <param name="Transition">The transition.</param>
/// <param name="UserId">The user who caused it, if any.</param>
/// <param name="ApplicationId">The application it happened in, if any.</param>
/// <param name="TaskActions">The <c>task</c> actions, in message order.</param>
/// <param name="IgnoredActions">How many actions of other types the message carried.</param>
public sealed record DocumentTransitioned(
    string MessageId,
    DateTimeOffset OccurredAt,
    string SchemaId,
    string DocumentId,
    DocumentTransition Transition,
    string? UserId,
    string? ApplicationId,
    IReadOnlyList<TaskAction> TaskActions,
    int IgnoredActions);

/// <summary>A document's transition between two statuses.</summary>
/// <param name="Name">The transition's name.</param>
/// <param name="FromStatus">The status before.</param>
/// <param name="ToStatus">The status after.</param>
public sealed record DocumentTransition(string Name, string FromStatus, string ToStatus);

/// <summary>A <c>task</c> action: create a task.</summary>
/// <param name="Index">The action's position in the message's <c>actions</c>.</param>
/// <param name="FunctionName">The function to run.</param>
/// <param name="DataJson">The task's data: the action's <c>data</c> object plus the message's <c>schemaId</c> and <c>documentId</c>.</param>
/// <param name="Priority">The priority; null for the function's default.</param>
/// <param name="Tags">The tags.</param>
/// <param name="StartTimestamp">Not before this time; null for at once.</param>
public sealed record TaskAction(int Index, string FunctionName, string DataJson, int? Priority, IReadOnlyList<string> Tags, DateTimeOffset? StartTimestamp);
