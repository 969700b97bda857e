namespace OAuthWebClient.Client;

/// <summary>The providers configured — those under <c>OAuth:Providers</c> by name, then those added in code; the sign-in page lists them.</summary>
public interface IOAuthProviders
{
    /// <summary>Every provider; at least one.</summary>
    IReadOnlyList<OAuthProvider> All { get; }

    /// <summary>The provider with this name (case-insensitive); null when there is none.</summary>
    OAuthProvider? Find(string name);
}
