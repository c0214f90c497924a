using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using Tasks.Domain.Deciding;

namespace Tasks.Domain.Tasks;

/// <summary>
/// The JSON object handed to a task's function, kept as the caller's text (equality is by that text).
/// Only valid values exist: a JSON object of at most <see cref="MaxBytes"/> bytes of UTF-8.
/// </summary>
public sealed record TaskData
{
    /// <summary>The largest data accepted: 250 KB of UTF-8 JSON text, as in the hosted service.</summary>
    public const int MaxBytes = 256_000;

    private TaskData(string json) => Json = json;

    /// <summary>The empty object, <c>{}</c>: the data of a task created without any.</summary>
    public static TaskData Empty { get; } = new("{}");

    /// <summary>The JSON text of the object, exactly as given.</summary>
    public string Json { get; }

    /// <summary>Validates JSON text as task data.</summary>
    /// <param name="json">The JSON text; <c>null</c> means no data and gives <see cref="Empty"/>.</param>
    /// <param name="data">The data, when valid.</param>
    /// <param name="error">What is wrong (field <paramref name="field"/>), when invalid.</param>
    /// <param name="field">The wire name to blame in the error.</param>
    /// <returns>Whether the text is valid task data.</returns>
    public static bool TryCreate(
        string? json,
        [NotNullWhen(true)] out TaskData? data,
        [NotNullWhen(false)] out ValidationError? error,
        string field = "data")
    {
        data = null;
        error = Check(json, field);
        if (error is not null)
        {
            return false;
        }

        data = json is null ? Empty : new TaskData(json);
        return true;
    }

    /// <summary>Validates JSON text as task data, throwing when it is not (for trusted input, such as stored events).</summary>
    /// <param name="json">The JSON text; <c>null</c> gives <see cref="Empty"/>.</param>
    /// <returns>The data.</returns>
    /// <exception cref="ArgumentException">The text is not valid task data.</exception>
    public static TaskData Create(string? json) =>
        TryCreate(json, out var data, out var error) ? data : throw new ArgumentException(error.Message, nameof(json));

    /// <summary>
    /// Wraps JSON text that was validated when it was first accepted, such as data read back from the
    /// event log. Skips the parse and size check, which would only repeat work already done.
    /// </summary>
    /// <param name="json">A JSON object as text, as a <see cref="TaskData"/> once held it.</param>
    /// <returns>The data.</returns>
    public static TaskData FromValidated(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return new TaskData(json);
    }

    /// <inheritdoc />
    public override string ToString() => Json;

    private static ValidationError? Check(string? json, string field)
    {
        if (json is null)
        {
            return null;
        }

        // Measure before parsing so an oversized payload costs no parse.
        if (Encoding.UTF8.GetByteCount(json) > MaxBytes)
        {
            return new ValidationError(field, $"Data must be at most {MaxBytes} bytes of UTF-8 JSON.");
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? null
                : new ValidationError(field, "Data must be a JSON object.");
        }
        catch (JsonException e)
        {
            return new ValidationError(field, $"Data is not valid JSON: {e.Message}");
        }
    }
}
