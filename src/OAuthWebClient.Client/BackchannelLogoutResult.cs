namespace OAuthWebClient.Client;

/// <summary>The outcome of a back-channel logout request: how many sessions ended, or a typed reason it was refused.</summary>
public sealed record BackchannelLogoutResult
{
    private BackchannelLogoutResult()
    {
    }

    /// <summary>True when the logout token was valid (even if no session of this app matched it: §2.7, nothing left to end).</summary>
    public bool Succeeded => Failure is null;

    /// <summary>How many sessions were ended.</summary>
    public int SessionsEnded { get; private init; }

    /// <summary>Why the request was refused; null on success.</summary>
    public BackchannelLogoutFailure? Failure { get; private init; }

    /// <summary>One sentence for the provider's operator or a log (the 400 body); never contains the token.</summary>
    public string? Description { get; private init; }

    internal static BackchannelLogoutResult Ended(int sessions) => new() { SessionsEnded = sessions };

    internal static BackchannelLogoutResult Failed(BackchannelLogoutFailure failure, string description) =>
        new() { Failure = failure, Description = description };
}
