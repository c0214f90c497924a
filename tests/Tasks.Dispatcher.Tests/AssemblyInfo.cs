// Dispatch reads the log, whose readable horizon is cluster-wide: tests run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
