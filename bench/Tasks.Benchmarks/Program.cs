using Tasks.Benchmarks;

return await BenchProgram.RunAsync(args);
