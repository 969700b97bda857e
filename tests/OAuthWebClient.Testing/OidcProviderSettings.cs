namespace OAuthWebClient.Testing;

/// <summary>How <see cref="OidcProviderProcess"/> registers our client and the photos API's resource indicator (RFC 8707).</summary>
public sealed record OidcProviderSettings
{
    public required string ClientId { get; init; }

    public required string ClientSecret { get; init; }

    public required Uri RedirectUri { get; init; }

    public required Uri PostLogoutRedirectUri { get; init; }

    /// <summary>The resource indicator whose access tokens are JWTs with this audience and the <c>photos</c> scope.</summary>
    public required string PhotosResource { get; init; }

    /// <summary>Access token lifetime. Default: one hour.</summary>
    public TimeSpan AccessTokenLifetime { get; init; } = TimeSpan.FromHours(1);
}
