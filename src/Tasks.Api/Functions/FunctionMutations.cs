using Tasks.Api.Errors;
using Tasks.Api.Inputs;
using Tasks.Domain.Deciding;
using Tasks.Domain.Functions;
using Tasks.Domain.Identity;
using Tasks.Domain.Primitives;
using Tasks.EventStore.Running;
using Tasks.EventStore.Streams;
using Tasks.Projections.Code;
using Tasks.Projections.Commands;

namespace Tasks.Api.Functions;

/// <summary>Registers, changes, enables, disables and deletes functions.</summary>
public sealed class FunctionMutations(CommandRunner runner, FunctionReader reader, FunctionCatalog catalog, TimeProvider clock)
{
    // Fields of updateFunction that hold a value in every function, so null cannot mean "clear".
    private static readonly string[] RequiredFields = ["entryPoint", "runtime", "timeLimit", "memoryLimit", "environment", "executionPermission", "retryPolicy"];

    /// <summary>Registers a function, storing its code package in the same transaction as the event.</summary>
    public async Task<FunctionPayload> CreateAsync(InputObject input, Actor actor, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var (package, codeError) = FunctionInputs.Code(input);
        var (environment, environmentError) = FunctionInputs.Environment(input);
        if ((codeError ?? environmentError) is { } refused)
        {
            return FunctionPayload.Refused(refused);
        }

        var code = package is null ? null : FunctionCodeStore.ReferenceOf(package);
        var definition = new FunctionDefinition
        {
            Name = input.RequiredString("name"),
            Description = input.OptionalString("description"),
            Code = code,
            EntryPoint = input.RequiredString("entryPoint"),
            Runtime = input.RequiredString("runtime"),
            TimeLimit = input.OptionalInt("timeLimit") ?? FunctionLimits.DefaultTimeLimit,
            MemoryLimit = input.OptionalInt("memoryLimit") ?? FunctionLimits.DefaultMemoryLimit,
            Environment = environment ?? new EquatableDictionary<string, string>(),
            ExecutionPermission = FunctionInputs.ExecutionPermission(input) ?? ExecutionPermission.PermissionRequired,
            DefaultPriority = input.OptionalInt("defaultPriority"),
            RetryPolicy = FunctionInputs.RetryPolicy(input) ?? RetryPolicy.Disabled,
            Enabled = input.Bool("enabled") ?? true,
        };
        var command = new RegisterFunction(definition, actor, clock.GetUtcNow());
        return await RunAsync(definition.Name, command, metadata, package, code, cancellationToken);
    }

    /// <summary>Changes the fields given.</summary>
    public async Task<FunctionPayload> UpdateAsync(InputObject input, Actor actor, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var (package, codeError) = FunctionInputs.Code(input);
        var (environment, environmentError) = FunctionInputs.Environment(input);
        if ((ClearedRequiredField(input) ?? codeError ?? environmentError) is { } refused)
        {
            return FunctionPayload.Refused(refused);
        }

        var code = package is null ? null : FunctionCodeStore.ReferenceOf(package);
        var patch = new FunctionPatch
        {
            Description = input.Patch("description", (i, n) => i.OptionalString(n)),
            // An explicit null clears the code: the function then names a Lambda function that exists already.
            Code = input.Has("code") ? new Optional<CodeReference?>(code) : default,
            EntryPoint = Given(input, "entryPoint", (i, n) => i.OptionalString(n)),
            Runtime = Given(input, "runtime", (i, n) => i.OptionalString(n)),
            TimeLimit = GivenValue(input, "timeLimit", (i, n) => i.OptionalInt(n)),
            MemoryLimit = GivenValue(input, "memoryLimit", (i, n) => i.OptionalInt(n)),
            Environment = environment is null ? default : new Optional<EquatableDictionary<string, string>>(environment),
            ExecutionPermission = GivenValue(input, "executionPermission", (i, _) => FunctionInputs.ExecutionPermission(i)),
            DefaultPriority = input.Patch("defaultPriority", (i, n) => i.OptionalInt(n)),
            RetryPolicy = Given(input, "retryPolicy", (i, _) => FunctionInputs.RetryPolicy(i)),
        };
        var command = new UpdateFunction(patch, actor, clock.GetUtcNow());
        return await RunAsync(input.RequiredString("name"), command, metadata, package, code, cancellationToken);
    }

    /// <summary>Enables a function.</summary>
    public Task<FunctionPayload> EnableAsync(InputObject input, Actor actor, EventMetadata metadata, CancellationToken cancellationToken) =>
        RunAsync(input.RequiredString("name"), new EnableFunction(actor, clock.GetUtcNow()), metadata, null, null, cancellationToken);

    /// <summary>Disables a function.</summary>
    public Task<FunctionPayload> DisableAsync(InputObject input, Actor actor, EventMetadata metadata, CancellationToken cancellationToken) =>
        RunAsync(input.RequiredString("name"), new DisableFunction(actor, clock.GetUtcNow()), metadata, null, null, cancellationToken);

    /// <summary>Deletes a function, answering with the function as it was.</summary>
    public async Task<FunctionPayload> DeleteAsync(InputObject input, Actor actor, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var name = input.RequiredString("name");
        var before = await reader.FindAsync(name, cancellationToken);
        var result = await DecideAsync(name, new DeleteFunction(actor, clock.GetUtcNow()), metadata, null, null, cancellationToken);
        return result.Rejection is { } rejection
            ? FunctionPayload.Refused(MutationError.From(rejection))
            : new FunctionPayload(before, []);
    }

    private async Task<FunctionPayload> RunAsync(string name, IFunctionCommand command, EventMetadata metadata, byte[]? package, CodeReference? code, CancellationToken cancellationToken)
    {
        var result = await DecideAsync(name, command, metadata, package, code, cancellationToken);
        if (result.Rejection is { } rejection)
        {
            return FunctionPayload.Refused(MutationError.From(rejection));
        }

        return new FunctionPayload(await reader.FindAsync(name, cancellationToken), []);
    }

    private async Task<CommandResult<FunctionState?, DomainError>> DecideAsync(string name, IFunctionCommand command, EventMetadata metadata, byte[]? package, CodeReference? code, CancellationToken cancellationToken)
    {
        // A malformed name would still make a valid stream id; the domain refuses it with a precise error.
        var result = await runner.RunAsync(
            FunctionStreamId.For(name),
            DomainStreams.Function,
            state => FunctionDecider.Instance.Decide(command, state).ToDecided(),
            metadata,
            alsoWrite: package is null || code is null ? null : (work, _, _) => work.Execute(FunctionCodeStore.StoreStatement(code, package)),
            cancellationToken: cancellationToken);
        catalog.Evict(name);
        return result;
    }

    private static Optional<T> Given<T>(InputObject input, string name, Func<InputObject, string, T?> read)
        where T : class =>
        input.Has(name) && read(input, name) is { } value ? new Optional<T>(value) : default;

    private static Optional<T> GivenValue<T>(InputObject input, string name, Func<InputObject, string, T?> read)
        where T : struct =>
        input.Has(name) && read(input, name) is { } value ? new Optional<T>(value) : default;

    private static InputError? ClearedRequiredField(InputObject input)
    {
        foreach (var name in RequiredFields)
        {
            if (input.Has(name) && input.IsNull(name))
            {
                return new InputError($"'{name}' cannot be cleared; leave it out to keep its value.", name);
            }
        }

        return null;
    }
}
