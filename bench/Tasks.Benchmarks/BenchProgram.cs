using System.Globalization;
using Npgsql;
using Tasks.Benchmarks.Database;
using Tasks.Benchmarks.Results;
using Tasks.Benchmarks.Running;
using Tasks.Benchmarks.Scenarios;

namespace Tasks.Benchmarks;

/// <summary>Runs one scenario or all of them, prints a result line each, and writes the results file.</summary>
internal static class BenchProgram
{
    private const int Succeeded = 0;
    private const int Failed = 1;
    private const int BadUsage = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        BenchSettings settings;
        try
        {
            settings = BenchSettings.Read(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            await Console.Error.WriteLineAsync(BenchSettings.Usage);
            return BadUsage;
        }

        var scenarios = settings.Scenario is null ? ScenarioRegistry.All : ScenarioRegistry.Find(settings.Scenario) is { } one ? [one] : [];
        if (scenarios.Count == 0)
        {
            await Console.Error.WriteLineAsync($"unknown scenario '{settings.Scenario}'; known: {string.Join(", ", ScenarioRegistry.All.Select(s => s.Name))}");
            return BadUsage;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        try
        {
            var server = await ServerFacts.ReadAsync(settings, cancel.Token);
            Console.WriteLine(server.Describe());
            var context = new ScenarioContext(settings, new Pgbench(settings.PgbenchPath), Console.Out);
            var results = new List<ScenarioResult>();
            foreach (var scenario in scenarios)
            {
                Console.WriteLine($"== {scenario.Name}");
                var result = await scenario.RunAsync(context, cancel.Token);
                Console.WriteLine(result.Describe());
                results.Add(result);
            }

            await ResultsFile.WriteAsync(settings.ResultsPath, new ResultsDocument(results, DateTimeOffset.UtcNow, server.ToRunEnvironment(settings)), cancel.Token);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {settings.ResultsPath}"));
            return Succeeded;
        }
        catch (BenchmarkFailedException e)
        {
            await Console.Error.WriteLineAsync($"FAILED: {e.Message}");
            return Failed;
        }
        catch (NpgsqlException e)
        {
            await Console.Error.WriteLineAsync($"FAILED: database error: {e.Message}");
            return Failed;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("canceled");
            return Failed;
        }
    }
}
