namespace OAuthWebClient.Client;

/// <summary>A security profile (<see cref="OAuthClientOptions.Profile"/>).</summary>
public enum ClientProfile
{
    /// <summary>The settings as configured, one by one. The default.</summary>
    Default,

    /// <summary>
    /// FAPI 2.0 Security Profile §5 for a confidential client: PAR required, <c>private_key_jwt</c>, DPoP required,
    /// <c>iss</c> in the authorization response required (RFC 9207), PS256/ES256 only, S256 PKCE, no ID token in URLs.
    /// </summary>
    Fapi2,
}
