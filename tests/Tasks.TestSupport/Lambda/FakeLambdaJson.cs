using System.Text.Json.Nodes;

namespace Tasks.TestSupport.Lambda;

internal static class FakeLambdaJson
{
    public static string FunctionError(string? errorType, string errorMessage)
    {
        var error = new JsonObject();
        if (errorType is not null)
        {
            error["errorType"] = errorType;
        }

        error["errorMessage"] = errorMessage;
        error["trace"] = new JsonArray();
        return error.ToJsonString();
    }

    public static string ApiError(string kind, string message, string? reason = null)
    {
        var error = new JsonObject { ["Type"] = kind, ["message"] = message };
        if (reason is not null)
        {
            error["Reason"] = reason;
        }

        return error.ToJsonString();
    }

    public static string? String(JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static int? Int(JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v && v.TryGetValue<int>(out var i) ? i : null;
}
