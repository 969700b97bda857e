using System.Buffers.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace OAuthWebClient.Testing;

// The metadata document (RFC 8414 / OIDC Discovery) and the JWKS it points at.
public sealed partial class ScriptedAuthorizationServer
{
    private Dictionary<string, object> EditedMetadata()
    {
        var metadata = Metadata();
        EditMetadata?.Invoke(metadata);
        return metadata;
    }

    private Dictionary<string, object> Metadata() => new()
    {
        ["issuer"] = MetadataIssuer ?? Issuer,
        ["authorization_endpoint"] = AuthorizationEndpoint.AbsoluteUri,
        ["token_endpoint"] = TokenEndpointUri.AbsoluteUri,
        ["jwks_uri"] = Issuer + "jwks",
        ["revocation_endpoint"] = Issuer + "revoke",
        ["end_session_endpoint"] = Issuer + "endsession",
        ["userinfo_endpoint"] = UserInfoEndpoint.AbsoluteUri,
        ["response_types_supported"] = new[] { "code" },
        ["subject_types_supported"] = new[] { "public" },
        ["id_token_signing_alg_values_supported"] = new[] { "RS256", "ES256" },
        ["code_challenge_methods_supported"] = new[] { "S256" },
        ["authorization_response_iss_parameter_supported"] = AdvertisesIssParameter,
    };

    private static string Jwk(SecurityKey key) => JsonSerializer.Serialize(key switch
    {
        RsaSecurityKey rsa => new Dictionary<string, string>
        {
            ["kty"] = "RSA", ["use"] = "sig", ["kid"] = rsa.KeyId,
            ["n"] = Base64Url.EncodeToString(rsa.Rsa.ExportParameters(false).Modulus),
            ["e"] = Base64Url.EncodeToString(rsa.Rsa.ExportParameters(false).Exponent),
        },
        ECDsaSecurityKey ec => new Dictionary<string, string>
        {
            ["kty"] = "EC", ["use"] = "sig", ["kid"] = ec.KeyId, ["crv"] = "P-256",
            ["x"] = Base64Url.EncodeToString(ec.ECDsa.ExportParameters(false).Q.X),
            ["y"] = Base64Url.EncodeToString(ec.ECDsa.ExportParameters(false).Q.Y),
        },
        SymmetricSecurityKey oct => new Dictionary<string, string>
        {
            ["kty"] = "oct", ["use"] = "sig", ["kid"] = oct.KeyId ?? "oct-1", ["alg"] = "HS256", ["k"] = Base64Url.EncodeToString(oct.Key),
        },
        _ => throw new ArgumentException($"Cannot publish a {key.GetType().Name}.", nameof(key)),
    });
}
