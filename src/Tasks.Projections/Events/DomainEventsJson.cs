using System.Text.Json.Serialization;
using Tasks.Domain.Functions;
using Tasks.Domain.Schedules;
using Tasks.Domain.Tasks;

namespace Tasks.Projections.Events;

/// <summary>Source-generated JSON for every stored domain event: no reflection when reading or writing the log.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    Converters = [typeof(TaskDataJsonConverter), typeof(EquatableListJsonConverter<string>), typeof(EquatableListJsonConverter<Guid>), typeof(EquatableStringMapJsonConverter)])]
[JsonSerializable(typeof(TaskCreated))]
[JsonSerializable(typeof(TaskCancelled))]
[JsonSerializable(typeof(TaskStarted))]
[JsonSerializable(typeof(TaskCompleted))]
[JsonSerializable(typeof(TaskFailed))]
[JsonSerializable(typeof(TaskRetried))]
[JsonSerializable(typeof(TaskDeferred))]
[JsonSerializable(typeof(FunctionRegistered))]
[JsonSerializable(typeof(FunctionUpdated))]
[JsonSerializable(typeof(FunctionEnabled))]
[JsonSerializable(typeof(FunctionDisabled))]
[JsonSerializable(typeof(FunctionDeleted))]
[JsonSerializable(typeof(ScheduleCreated))]
[JsonSerializable(typeof(ScheduleDeleted))]
[JsonSerializable(typeof(ScheduleFired))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(Guid[]))]
[JsonSerializable(typeof(Dictionary<string, string>))]
public sealed partial class DomainEventsJson : JsonSerializerContext;
