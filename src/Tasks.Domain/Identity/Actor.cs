namespace Tasks.Domain.Identity;

/// <summary>Who issued a command: a user, an application (API client), both, or neither (the service itself).</summary>
/// <param name="UserId">The user's id, when a user acted.</param>
/// <param name="ApplicationId">The application's id, when an application acted.</param>
public sealed record Actor(string? UserId, string? ApplicationId)
{
    /// <summary>The service acting on its own (dispatcher, watchdog, scheduler).</summary>
    public static Actor System { get; } = new(null, null);
}
