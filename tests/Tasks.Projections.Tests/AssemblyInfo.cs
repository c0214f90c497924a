// Log readers wait for the oldest transaction in the whole cluster, so tests that read the log
// would stall each other: the tests of this assembly run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
