using Microsoft.IdentityModel.Tokens;

namespace OAuthWebClient.Client.Assertions;

/// <summary>A loaded client assertion key: the private key that signs, and the public JWK published for it.</summary>
internal sealed record AssertionSigningKey(SecurityKey Key, string Algorithm, string KeyId, JsonWebKey PublicJwk, DateTimeOffset? ActiveFrom)
{
    public SigningCredentials Credentials { get; } = new(Key, Algorithm);
}
