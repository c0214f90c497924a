namespace Tasks.Messaging.Contracts;

/// <summary>Why a message is not one the service can act on: a code for machines, a reason naming the field for people.</summary>
/// <param name="Code">One of <see cref="ContractViolationCodes"/>, or a handler's own code.</param>
/// <param name="Reason">What is wrong, with the JSON path of the field at fault.</param>
public sealed record ContractViolation(string Code, string Reason);

/// <summary>The codes of contract violations, carried in the <c>x-rejected-code</c> header of a dead letter.</summary>
public static class ContractViolationCodes
{
    /// <summary>The body is not UTF-8 JSON.</summary>
    public const string NotJson = "not-json";

    /// <summary>The body is JSON but not the contract: a field is missing, of the wrong type or out of range.</summary>
    public const string NotTheContract = "not-the-contract";

    /// <summary>The message has no id (neither the AMQP <c>message_id</c> nor the body's <c>messageId</c>), or the two differ.</summary>
    public const string MessageId = "message-id";

    /// <summary>A task action names a function that does not exist.</summary>
    public const string UnknownFunction = "unknown-function";

    /// <summary>A task action is not a valid task (data over the limit, bad tags, priority out of range).</summary>
    public const string InvalidTask = "invalid-task";
}
