using Tasks.Benchmarks;
using Tasks.Benchmarks.Messaging;

// The messaging scenarios start this program again as their publisher, a process of its own.
return args is [TransitionPublisher.Command, ..]
    ? await TransitionPublisher.RunAsync(args)
    : await BenchProgram.RunAsync(args);
