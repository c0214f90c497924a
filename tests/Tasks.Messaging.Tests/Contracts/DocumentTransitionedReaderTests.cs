using System.Text;
using System.Text.Json;
using Tasks.Messaging.Contracts;

namespace Tasks.Messaging.Tests.Contracts;

public sealed class DocumentTransitionedReaderTests
{
    private const string Valid = """
        {"messageId": "m-1", "type": "document.transitioned", "occurredAt": "2026-11-22T09:30:00+01:00",
         "schemaId": "invoice", "documentId": "INV-42",
         "transition": {"name": "approve", "fromStatus": "submitted", "toStatus": "approved"},
         "userId": "alice", "applicationId": "portal", "futureField": [1, 2],
         "actions": [
           {"type": "task", "functionName": "send-invoice", "data": {"channel": "email", "documentId": "spoofed"}, "priority": 5,
            "tags": ["invoices"], "startTimestamp": "2026-11-22T10:00:00Z"},
           {"type": "notify", "template": "approved"},
           {"type": "task", "functionName": "archive", "data": null, "priority": null}
         ]}
        """;

    [Fact]
    public void A_valid_transition_yields_its_task_actions_with_the_document_in_their_data()
    {
        var (message, violation) = Read(Valid, "m-1");

        Assert.Null(violation);
        Assert.Equal("m-1", message!.MessageId);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 8, 30, 0, TimeSpan.Zero), message.OccurredAt);
        Assert.Equal(new DocumentTransition("approve", "submitted", "approved"), message.Transition);
        Assert.Equal(("alice", "portal"), (message.UserId, message.ApplicationId));
        Assert.Equal(1, message.IgnoredActions);
        Assert.Equal([0, 2], message.TaskActions.Select(a => a.Index));
        var first = message.TaskActions[0];
        Assert.Equal(("send-invoice", 5), (first.FunctionName, first.Priority));
        Assert.Equal(["invoices"], first.Tags);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero), first.StartTimestamp);
        using var data = JsonDocument.Parse(first.DataJson);
        Assert.Equal("email", data.RootElement.GetProperty("channel").GetString());
        Assert.Equal("invoice", data.RootElement.GetProperty("schemaId").GetString());
        // The message's document wins over a key of the same name in the action's data.
        Assert.Equal("INV-42", data.RootElement.GetProperty("documentId").GetString());
        var second = message.TaskActions[1];
        Assert.Null(second.Priority);
        Assert.Null(second.StartTimestamp);
        Assert.Empty(second.Tags);
        Assert.Equal("""{"schemaId":"invoice","documentId":"INV-42"}""", second.DataJson);
    }

    [Fact]
    public void The_body_message_id_stands_in_for_a_missing_amqp_one_and_must_match_a_present_one()
    {
        Assert.Equal("m-1", Read(Valid, null).Message!.MessageId);

        var (_, mismatch) = Read(Valid, "m-2");
        var (_, missing) = Read(Valid.Replace("\"messageId\": \"m-1\", ", "", StringComparison.Ordinal), null);

        Assert.Equal(ContractViolationCodes.MessageId, mismatch!.Code);
        Assert.Contains("m-2", mismatch.Reason, StringComparison.Ordinal);
        Assert.Equal(ContractViolationCodes.MessageId, missing!.Code);
    }

    [Fact]
    public void A_body_that_is_not_json_is_refused_as_not_json()
    {
        var (message, violation) = Read("{\"type\": \"document.transitioned\"", "m-1");

        Assert.Null(message);
        Assert.Equal(ContractViolationCodes.NotJson, violation!.Code);
    }

    [Theory]
    [InlineData("\"type\": \"document.transitioned\"", "\"type\": \"document.created\"", "$.type")]
    [InlineData("\"schemaId\": \"invoice\", ", "", "$.schemaId is required")]
    [InlineData("\"documentId\": \"INV-42\"", "\"documentId\": 42", "$.documentId must be a string")]
    [InlineData("\"occurredAt\": \"2026-11-22T09:30:00+01:00\"", "\"occurredAt\": \"2026-11-22 09:30\"", "$.occurredAt must be an RFC 3339 date-time")]
    [InlineData("\"fromStatus\": \"submitted\", ", "", "$.transition.fromStatus is required")]
    [InlineData("\"functionName\": \"send-invoice\", ", "", "$.actions[0].functionName is required")]
    [InlineData("\"priority\": 5", "\"priority\": 5.5", "$.actions[0].priority must be an integer")]
    [InlineData("\"tags\": [\"invoices\"]", "\"tags\": [\"invoices\", 7]", "$.actions[0].tags[1] must be a string")]
    [InlineData("\"data\": null", "\"data\": [1]", "$.actions[2].data must be an object")]
    [InlineData("\"startTimestamp\": \"2026-11-22T10:00:00Z\"", "\"startTimestamp\": \"2026-11-22T10:00:00\"", "$.actions[0].startTimestamp must be an RFC 3339")]
    [InlineData("{\"type\": \"notify\", \"template\": \"approved\"}", "\"notify\"", "$.actions[1] must be an object")]
    public void A_body_that_breaks_the_contract_is_refused_naming_the_field(string valid, string broken, string expected)
    {
        Assert.Contains(valid, Valid, StringComparison.Ordinal);

        var (message, violation) = Read(Valid.Replace(valid, broken, StringComparison.Ordinal), "m-1");

        Assert.Null(message);
        Assert.Equal(ContractViolationCodes.NotTheContract, violation!.Code);
        Assert.Contains(expected, violation.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_over_the_size_limit_is_refused_before_it_is_parsed()
    {
        var body = new byte[DocumentTransitionedReader.MaxBodyBytes + 1];

        var (_, violation) = DocumentTransitionedReader.Read(body, "m-1");

        Assert.Equal(ContractViolationCodes.NotTheContract, violation!.Code);
        Assert.Contains("bytes", violation.Reason, StringComparison.Ordinal);
    }

    private static (DocumentTransitioned? Message, ContractViolation? Violation) Read(string body, string? messageId) =>
        DocumentTransitionedReader.Read(Encoding.UTF8.GetBytes(body), messageId);
}
