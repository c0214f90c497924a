using System.Text.Json.Nodes;
using Tasks.Api.Tasks;
using Tasks.Domain.Functions;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.Api.Functions;

/// <summary>A function's changes, read from its stream, with every environment value masked.</summary>
public sealed class FunctionHistory(EventStore.EventStore store)
{
    /// <summary>What a secret value reads as.</summary>
    public const string Mask = "***";

    /// <summary>Every event of the function's stream, oldest first.</summary>
    public async Task<IReadOnlyList<FunctionEventView>> EventsAsync(string name, CancellationToken cancellationToken)
    {
        var events = await store.ReadStreamAsync(FunctionStreamId.For(name), cancellationToken: cancellationToken);
        return
        [
            .. events.Select(e => new FunctionEventView(
                e.Type,
                e.Version,
                e.RecordedAt,
                ActorView.Of(e.Metadata.ActorUserId, e.Metadata.ActorApplicationId),
                e.Metadata.CorrelationId,
                new RawJson(MaskEnvironment(store.Types.Serialize(e.Data).Json)))),
        ];
    }

    /// <summary>Replaces the value of every entry of every <c>environment</c> object in <paramref name="json"/>.</summary>
    public static string MaskEnvironment(string json)
    {
        var node = JsonNode.Parse(json);
        MaskIn(node);
        return node?.ToJsonString() ?? "null";
    }

    private static void MaskIn(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (string.Equals(key, "environment", StringComparison.OrdinalIgnoreCase) && value is JsonObject environment)
                    {
                        foreach (var name in environment.Select(p => p.Key).ToList())
                        {
                            environment[name] = Mask;
                        }
                    }
                    else
                    {
                        MaskIn(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    MaskIn(item);
                }

                break;
            default:
                break;
        }
    }
}
