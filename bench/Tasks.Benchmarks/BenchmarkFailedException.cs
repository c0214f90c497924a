namespace Tasks.Benchmarks;

/// <summary>A scenario produced a wrong result (or its ceiling could not be measured): the run must fail, not report a number.</summary>
internal sealed class BenchmarkFailedException : Exception
{
    public BenchmarkFailedException()
    {
    }

    public BenchmarkFailedException(string message)
        : base(message)
    {
    }

    public BenchmarkFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
