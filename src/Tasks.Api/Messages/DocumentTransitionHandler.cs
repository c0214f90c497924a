using Tasks.Api.Functions;
using Tasks.Domain.Identity;
using Tasks.Domain.Tasks;
using Tasks.EventStore.Ids;
using Tasks.EventStore.Streams;
using Tasks.EventStore.Writing;
using Tasks.Messaging.Contracts;
using Tasks.Messaging.Handling;

namespace Tasks.Api.Messages;

/// <summary>
/// Handles a document transition (docs/messages.md): each <c>task</c> action becomes a task, all of them with the
/// message's inbox row in one transaction, so a redelivered or republished message creates nothing new. A message the
/// service cannot act on is rejected with its reason (the consumer dead-letters it); any other failure is transient and
/// the consumer tries again.
/// </summary>
public sealed class DocumentTransitionHandler(FunctionCatalog functions, DocumentTransitionInbox inbox, TimeProvider clock, ILogger<DocumentTransitionHandler> logger)
{
    /// <summary>Handles <paramref name="message"/>; returns once its tasks are committed (or it was handled before).</summary>
    /// <exception cref="MessageRejectedException">The message breaks the contract, names an unknown function, or holds an invalid task.</exception>
    public async Task HandleAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (transition, violation) = DocumentTransitionedReader.Read(message.Body, message.MessageId);
        if (violation is not null)
        {
            throw new MessageRejectedException(violation.Code, violation.Reason);
        }

        if (transition!.TaskActions.Count == 0)
        {
            return;
        }

        var named = await functions.FindManyAsync([.. transition.TaskActions.Select(a => a.FunctionName)], cancellationToken);
        var actor = new Actor(transition.UserId, transition.ApplicationId);
        var now = clock.GetUtcNow();
        var tasks = new List<(Guid, TaskCreated)>(transition.TaskActions.Count);
        foreach (var action in transition.TaskActions)
        {
            var path = $"$.actions[{action.Index}]";
            if (!named.TryGetValue(action.FunctionName, out var function))
            {
                throw new MessageRejectedException(ContractViolationCodes.UnknownFunction, $"{path}.functionName: no function is named '{action.FunctionName}'.");
            }

            if (!TaskData.TryCreate(action.DataJson, out var data, out var dataError))
            {
                throw new MessageRejectedException(ContractViolationCodes.InvalidTask, $"{path}.data: {dataError.Message}");
            }

            var command = new CreateTask(TimeOrderedId.New(), function.Name, data, action.StartTimestamp, action.Priority, action.Tags, function.DefaultPriority, actor, [], now);
            var decision = TaskDecider.Instance.Decide(command, null);
            if (!decision.IsSuccess)
            {
                throw new MessageRejectedException(ContractViolationCodes.InvalidTask, $"{path}: {decision.Error.Message}");
            }

            tasks.Add((command.TaskId, (TaskCreated)decision.Events.Single()));
        }

        try
        {
            await inbox.CommitAsync(transition.MessageId, tasks, new EventMetadata(null, null, transition.UserId, transition.ApplicationId));
        }
        catch (DuplicateMessageException)
        {
            // Handled before (a redelivery, or the documents service publishing again): its tasks exist; acknowledge.
            logger.LogDebug("Message {MessageId} was handled before; nothing new is created.", transition.MessageId);
        }
    }
}
