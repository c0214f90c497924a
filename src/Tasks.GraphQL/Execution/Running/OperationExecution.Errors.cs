using Microsoft.Extensions.Logging;
using Tasks.GraphQL.Execution.Planning;
using Tasks.GraphQL.Execution.Preparation;
using Tasks.GraphQL.Execution.Results;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.GraphQL.Execution.Running;

/// <summary>
/// Field errors (spec §6.4.4): located at the field's nodes, with the response path including list indexes and an
/// <c>extensions.code</c>. A <see cref="GraphQLException"/> is reported as thrown; any other exception is masked.
/// </summary>
internal sealed partial class OperationExecution
{
    private const string UnexpectedErrorMessage = "Unexpected Execution Error";

    /// <summary>Reports the field's error and nulls its slot; true when the field is non-null, so the null propagates.</summary>
    private bool Fail(FieldPlan field, ResultPosition position, Exception exception)
    {
        Report(field, position, exception);
        position.Slot.SetNull();
        return field.Type is NonNullType;
    }

    private bool Fail(FieldPlan field, ResultPosition position, string message, string code)
    {
        Report(field, position, message, code);
        position.Slot.SetNull();
        return field.Type is NonNullType;
    }

    private void Report(FieldPlan field, ResultPosition position, string message, string code) =>
        Errors.Add(new GraphQLError(message, field.Locations, position.ToPath(), ErrorFactory.WithCode(code, null)));

    private void Report(FieldPlan field, ResultPosition position, Exception exception)
    {
        var path = position.ToPath();
        Errors.Add(exception switch
        {
            GraphQLException known => new GraphQLError(
                known.Message,
                field.Locations,
                path,
                known.Code is null ? known.Extensions : ErrorFactory.WithCode(known.Code, known.Extensions)),
            ScalarSerializationException invalid => new GraphQLError(invalid.Message, field.Locations, path, ErrorFactory.WithCode(ErrorCodes.InvalidResult, null)),
            ExecutionTimedOutException timedOut => new GraphQLError(timedOut.Message, field.Locations, path, ErrorFactory.WithCode(ErrorCodes.Timeout, null)),
            OperationCanceledException when CancellationToken.IsCancellationRequested && !requestAborted.IsCancellationRequested =>
                new GraphQLError(new ExecutionTimedOutException(options.ExecutionTimeout).Message, field.Locations, path, ErrorFactory.WithCode(ErrorCodes.Timeout, null)),
            _ => Mask(field, path, exception),
        });
    }

    /// <summary>
    /// An unexpected exception: logged with a correlation id that the client also gets, so support can find the log
    /// entry while the client learns nothing about the server's internals (unless exception details are turned on).
    /// </summary>
    private GraphQLError Mask(FieldPlan field, object[] path, Exception exception)
    {
        var correlationId = Guid.NewGuid().ToString("N");
        logger.LogError(exception, "Resolving {Field} at {Path} failed (correlation id {CorrelationId}).", field.Coordinate, string.Join('.', path), correlationId);
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["code"] = ErrorCodes.InternalServerError,
            ["correlationId"] = correlationId,
        };
        if (!options.IncludeExceptionDetails)
        {
            return new GraphQLError(UnexpectedErrorMessage, field.Locations, path, extensions);
        }

        extensions["exception"] = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["type"] = exception.GetType().FullName,
            ["stacktrace"] = exception.ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
        };
        return new GraphQLError(exception.Message, field.Locations, path, extensions);
    }
}
