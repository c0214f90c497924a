using Tasks.Projections.Queries;

namespace Tasks.Api.Filtering;

/// <summary>
/// The declarative link between one GraphQL filter input type and a read model: which input field stands for which
/// read-model field. Sort inputs use the same names (a subset of them), so they share the mapping of their model.
/// </summary>
public sealed class FilterInputMapping
{
    private readonly Dictionary<string, FilterFieldMapping> fields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> graphQLPaths = new(StringComparer.Ordinal);

    /// <summary>Describes a filter input type.</summary>
    /// <param name="typeName">The GraphQL input type, for messages, e.g. <c>TaskFilterInput</c>.</param>
    /// <param name="hasCombinators">Whether the type has <c>and</c>, <c>or</c> and <c>not</c> (nested objects do not).</param>
    /// <param name="fields">Its fields.</param>
    public FilterInputMapping(string typeName, bool hasCombinators, IEnumerable<FilterFieldMapping> fields)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(typeName);
        ArgumentNullException.ThrowIfNull(fields);
        TypeName = typeName;
        HasCombinators = hasCombinators;
        foreach (var field in fields)
        {
            if (!this.fields.TryAdd(field.Name, field) || (hasCombinators && FilterInputNames.IsCombinator(field.Name)))
            {
                throw new ArgumentException($"'{field.Name}' is repeated or reserved in {typeName}", nameof(fields));
            }

            if (field.Nested is { } nested)
            {
                foreach (var (readModelField, path) in nested.graphQLPaths)
                {
                    graphQLPaths.TryAdd(readModelField, $"{field.Name}.{path}");
                }
            }
            else
            {
                graphQLPaths.TryAdd(field.ReadModelField!, field.Name);
            }
        }
    }

    /// <summary>Tasks: <c>TaskFilterInput</c> (and <c>TaskSortInput</c>) over <see cref="TaskQueryModel"/>.</summary>
    public static FilterInputMapping Task { get; } = new(
        "TaskFilterInput",
        hasCombinators: true,
        [
            Leaf(TaskQueryModel.ReadModel, "id", TaskQueryModel.Id),
            Leaf(TaskQueryModel.ReadModel, "status", TaskQueryModel.Status),
            Leaf(TaskQueryModel.ReadModel, "statusChangedTimestamp", TaskQueryModel.StatusChangedTimestamp),
            Leaf(TaskQueryModel.ReadModel, "functionName", TaskQueryModel.FunctionName),
            Leaf(TaskQueryModel.ReadModel, "startTimestamp", TaskQueryModel.StartTimestamp),
            Leaf(TaskQueryModel.ReadModel, "priority", TaskQueryModel.Priority),
            Leaf(TaskQueryModel.ReadModel, "tags", TaskQueryModel.Tags),
            Leaf(TaskQueryModel.ReadModel, "creationTimestamp", TaskQueryModel.CreationTimestamp),
            Leaf(TaskQueryModel.ReadModel, "updateTimestamp", TaskQueryModel.UpdateTimestamp),
            Leaf(TaskQueryModel.ReadModel, "createdByUserId", TaskQueryModel.CreatedByUserId),
            Leaf(TaskQueryModel.ReadModel, "createdByApplicationId", TaskQueryModel.CreatedByApplicationId),
            Leaf(TaskQueryModel.ReadModel, "retriedByTaskId", TaskQueryModel.RetriedByTaskId),
            Leaf(TaskQueryModel.ReadModel, "retryForTaskIds", TaskQueryModel.RetryForTaskIds),
            new FilterFieldMapping(
                "error",
                new FilterInputMapping(
                    "TaskErrorFilterInput",
                    hasCombinators: false,
                    [
                        Leaf(TaskQueryModel.ReadModel, "type", TaskQueryModel.ErrorType),
                        Leaf(TaskQueryModel.ReadModel, "name", TaskQueryModel.ErrorName),
                        Leaf(TaskQueryModel.ReadModel, "message", TaskQueryModel.ErrorMessage),
                    ])),
        ]);

    /// <summary>Functions: <c>FunctionFilterInput</c> (and <c>FunctionSortInput</c>) over <see cref="FunctionQueryModel"/>.</summary>
    public static FilterInputMapping Function { get; } = new(
        "FunctionFilterInput",
        hasCombinators: true,
        [
            Leaf(FunctionQueryModel.ReadModel, "name", FunctionQueryModel.Name),
            Leaf(FunctionQueryModel.ReadModel, "description", FunctionQueryModel.Description),
            Leaf(FunctionQueryModel.ReadModel, "runtime", FunctionQueryModel.Runtime),
            Leaf(FunctionQueryModel.ReadModel, "timeLimit", FunctionQueryModel.TimeLimit),
            Leaf(FunctionQueryModel.ReadModel, "memoryLimit", FunctionQueryModel.MemoryLimit),
            Leaf(FunctionQueryModel.ReadModel, "executionPermission", FunctionQueryModel.ExecutionPermission),
            Leaf(FunctionQueryModel.ReadModel, "defaultPriority", FunctionQueryModel.DefaultPriority),
            Leaf(FunctionQueryModel.ReadModel, "enabled", FunctionQueryModel.Enabled),
            Leaf(FunctionQueryModel.ReadModel, "creationTimestamp", FunctionQueryModel.CreationTimestamp),
            Leaf(FunctionQueryModel.ReadModel, "updateTimestamp", FunctionQueryModel.UpdateTimestamp),
        ]);

    /// <summary>Schedules: <c>ScheduleFilterInput</c> (and <c>ScheduleSortInput</c>) over <see cref="ScheduleQueryModel"/>.</summary>
    public static FilterInputMapping Schedule { get; } = new(
        "ScheduleFilterInput",
        hasCombinators: true,
        [
            Leaf(ScheduleQueryModel.ReadModel, "id", ScheduleQueryModel.Id),
            Leaf(ScheduleQueryModel.ReadModel, "functionName", ScheduleQueryModel.FunctionName),
            Leaf(ScheduleQueryModel.ReadModel, "priority", ScheduleQueryModel.Priority),
            Leaf(ScheduleQueryModel.ReadModel, "startTimestamp", ScheduleQueryModel.StartTimestamp),
            Leaf(ScheduleQueryModel.ReadModel, "interval", ScheduleQueryModel.Interval),
            Leaf(ScheduleQueryModel.ReadModel, "nextTimestamp", ScheduleQueryModel.NextTimestamp),
            Leaf(ScheduleQueryModel.ReadModel, "creationTimestamp", ScheduleQueryModel.CreationTimestamp),
        ]);

    /// <summary>
    /// Task events pushed by the <c>taskEvents</c> subscription: <c>TaskEventFilterInput</c> over
    /// <see cref="TaskEventFacts"/>, whose field names are the GraphQL ones.
    /// </summary>
    public static FilterInputMapping TaskEvent { get; } = new(
        "TaskEventFilterInput",
        hasCombinators: true,
        [
            new FilterFieldMapping(TaskEventFilter.TaskIdField, TaskEventFilter.TaskIdField, FieldKind.Uuid),
            new FilterFieldMapping(TaskEventFilter.TypeField, TaskEventFilter.TypeField, FieldKind.Enum, TaskEventFilter.EventTypes),
            new FilterFieldMapping(TaskEventFilter.FunctionNameField, TaskEventFilter.FunctionNameField, FieldKind.Text),
            new FilterFieldMapping(TaskEventFilter.TagsField, TaskEventFilter.TagsField, FieldKind.TextList),
        ]);

    /// <summary>The GraphQL input type, for messages.</summary>
    public string TypeName { get; }

    /// <summary>Whether the type has <c>and</c>, <c>or</c> and <c>not</c>.</summary>
    public bool HasCombinators { get; }

    /// <summary>The fields by GraphQL name, in declaration order.</summary>
    public IReadOnlyDictionary<string, FilterFieldMapping> Fields => fields;

    /// <summary>
    /// The GraphQL path of a read-model field, e.g. <c>error.type</c> for <c>errorType</c>; a name the mapping does
    /// not know is returned as it is.
    /// </summary>
    public string ToGraphQLPath(string readModelField)
    {
        ArgumentNullException.ThrowIfNull(readModelField);
        return graphQLPaths.GetValueOrDefault(readModelField, readModelField);
    }

    // The kind and enum values come from the read model's own description, so the two cannot drift apart.
    private static FilterFieldMapping Leaf(ReadModelDescription model, string name, string readModelField)
    {
        var field = model.GetField(readModelField);
        return new FilterFieldMapping(name, field.Name, field.Kind, field.EnumValues);
    }
}
