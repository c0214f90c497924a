using System.IO.Compression;
using Tasks.Domain.Functions;
using Tasks.Domain.Identity;
using Tasks.EventStore.Running;
using Tasks.EventStore.Streams;
using Tasks.Projections.Code;
using Tasks.Projections.Commands;
using Tasks.Projections.Hosting;

namespace Tasks.Api.Samples;

/// <summary>
/// Registers the sample function <c>hello</c> (samples/hello) once, so that a newcomer's first task has something to
/// run. On when <c>Samples:Register</c> is true (`make run` sets it); a function named hello that exists, or existed, is
/// left alone.
/// </summary>
public sealed class SampleFunctions(CommandRunner runner, SchemaReadiness readiness, TimeProvider clock, ILogger<SampleFunctions> logger) : BackgroundService
{
    /// <summary>The sample's name.</summary>
    public const string Name = "hello";

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.Migrated.WaitAsync(stoppingToken);
        var (_, version) = await runner.LoadAsync(FunctionStreamId.For(Name), DomainStreams.Function, stoppingToken);
        if (version > 0)
        {
            return;
        }

        var package = Package();
        var code = FunctionCodeStore.ReferenceOf(package);
        var definition = new FunctionDefinition
        {
            Name = Name,
            Description = "The sample: greets whoever the task's data names, e.g. {\"name\": \"Ada\"}.",
            Code = code,
            EntryPoint = "index.handler",
            Runtime = "nodejs22.x",
            TimeLimit = 10,
            ExecutionPermission = ExecutionPermission.AllUsers,
        };
        var command = new RegisterFunction(definition, Actor.System, clock.GetUtcNow());
        var result = await runner.RunAsync(
            FunctionStreamId.For(Name),
            DomainStreams.Function,
            s => FunctionDecider.Instance.Decide(command, s).ToDecided(),
            EventMetadata.None,
            alsoWrite: (work, _, _) => work.Execute(FunctionCodeStore.StoreStatement(code, package)),
            cancellationToken: stoppingToken);
        if (result.Rejection is null)
        {
            logger.LogInformation("Registered the sample function '{Name}' (samples/hello).", Name);
        }
    }

    private static byte[] Package()
    {
        using var source = typeof(SampleFunctions).Assembly.GetManifestResourceStream("samples/hello/index.mjs")
            ?? throw new InvalidOperationException("samples/hello/index.mjs is not embedded.");
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("index.mjs").Open();
            source.CopyTo(entry);
        }

        return zip.ToArray();
    }
}
