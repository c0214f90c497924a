// Some tests stop and restart the shared broker node: tests run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
