// Log readers wait for the oldest transaction in the whole cluster, so a test holding a transaction
// open would stall another test's reader: the tests of this assembly run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
