namespace OAuthWebClient.Client.Events;

/// <summary>
/// A provider's back-channel logout request was handled (OpenID Connect Back-Channel Logout 1.0): the verdict and how
/// many sessions it ended. There is no browser in it (the provider called), so <see cref="OAuthEventContext.HttpContext"/>
/// is null. Never the token.
/// </summary>
public sealed class BackchannelLogoutContext : OAuthEventContext
{
    /// <summary>The provider whose path was called; null when no provider is configured there.</summary>
    public string? Provider { get; init; }

    /// <summary>True when the logout token was valid and its sessions were ended.</summary>
    public required bool Succeeded { get; init; }

    /// <summary>Why it was refused; null on success.</summary>
    public BackchannelLogoutFailure? Failure { get; init; }

    /// <summary>The plain reason of a refusal; null on success.</summary>
    public string? Description { get; init; }

    /// <summary>The token's validated <c>iss</c>; null when refused before it was known.</summary>
    public string? Issuer { get; init; }

    /// <summary>The token's validated <c>sub</c>, if it has one.</summary>
    public string? Subject { get; init; }

    /// <summary>True when the token named a provider session (<c>sid</c>), false when it names every session of its <c>sub</c>.</summary>
    public bool NamesProviderSession { get; init; }

    /// <summary>How many sessions it ended (0 on failure, or when none of this app's sessions matched).</summary>
    public required int SessionsEnded { get; init; }
}
