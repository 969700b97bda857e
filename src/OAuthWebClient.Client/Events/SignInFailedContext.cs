namespace OAuthWebClient.Client.Events;

/// <summary>A sign-in failed, at the start or at the callback.</summary>
public sealed class SignInFailedContext : SignInEventContext
{
    /// <summary>Why.</summary>
    public required SignInFailure Failure { get; init; }
}
