namespace Tasks.TestSupport.Lambda;

/// <summary>How a <see cref="FakeLambdaServer"/> authenticates and behaves.</summary>
public sealed record FakeLambdaServerOptions
{
    /// <summary>The access key id requests must be signed with.</summary>
    public string AccessKeyId { get; init; } = "AKIAFAKELAMBDA000001";

    /// <summary>The secret they must be signed with.</summary>
    public string SecretAccessKey { get; init; } = "fake/Lambda+Secret/Key0000000000000000000";

    /// <summary>When set, every request must carry this <c>X-Amz-Security-Token</c> (signed).</summary>
    public string? SessionToken { get; init; }

    /// <summary>The region requests must be signed for.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>How far a request's <c>X-Amz-Date</c> may be from the server's clock (AWS: 5 minutes).</summary>
    public TimeSpan AllowedClockSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How many GetFunctionConfiguration reads a creation stays <c>Pending</c>, and a code or configuration update
    /// <c>InProgress</c> (during which further updates and invocations get 409 <c>ResourceConflictException</c>). 0: settled at once.
    /// </summary>
    public int PollsUntilSettled { get; init; }

    /// <summary>
    /// The largest zip CreateFunction and UpdateFunctionCode accept (Lambda: 50 MB for a direct upload); a larger one gets
    /// 413 <c>RequestEntityTooLargeException</c>.
    /// </summary>
    public int MaxZipBytes { get; init; } = 50 * 1024 * 1024;

    /// <summary>The server's clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
