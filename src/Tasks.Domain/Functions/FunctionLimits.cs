namespace Tasks.Domain.Functions;

/// <summary>The ranges and defaults of a function's settings (those of the hosted service and of AWS Lambda).</summary>
public static class FunctionLimits
{
    /// <summary>The shortest time limit, in seconds.</summary>
    public const int MinTimeLimit = 3;

    /// <summary>The longest time limit, in seconds (5 minutes).</summary>
    public const int MaxTimeLimit = 300;

    /// <summary>The time limit when none is given, in seconds.</summary>
    public const int DefaultTimeLimit = 30;

    /// <summary>The longest time limit of a function that may be executed directly (waited for), in seconds.</summary>
    public const int MaxDirectExecutionTimeLimit = 30;

    /// <summary>The smallest memory limit, in MB.</summary>
    public const int MinMemoryLimit = 128;

    /// <summary>The largest memory limit, in MB.</summary>
    public const int MaxMemoryLimit = 10240;

    /// <summary>The memory limit when none is given, in MB.</summary>
    public const int DefaultMemoryLimit = 128;

    /// <summary>The most UTF-8 bytes of all environment keys and values together (4 KB, as in AWS Lambda).</summary>
    public const int MaxEnvironmentBytes = 4096;

    /// <summary>The longest entry point (AWS Lambda's handler limit).</summary>
    public const int MaxEntryPointLength = 128;
}
