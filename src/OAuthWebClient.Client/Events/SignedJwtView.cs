using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace OAuthWebClient.Client.Events;

/// <summary>
/// What observers may see of a JWT the client signed (a client assertion, a DPoP proof): its header and claims, never
/// its signature — without the signature it cannot be replayed.
/// </summary>
public sealed record SignedJwtView
{
    /// <summary>The JOSE header's members (<c>alg</c>, <c>typ</c>, <c>kid</c>, the public <c>jwk</c>).</summary>
    public required IReadOnlyList<ProtocolParameter> Header { get; init; }

    /// <summary>The claims.</summary>
    public required IReadOnlyList<ProtocolParameter> Claims { get; init; }

    internal static SignedJwtView Of(string jwt)
    {
        var token = new JsonWebToken(jwt);
        return new SignedJwtView { Header = Members(Base64(token.EncodedHeader)), Claims = Members(Base64(token.EncodedPayload)) };
    }

    private static byte[] Base64(string segment) => Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(segment);

    private static ProtocolParameter[] Members(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateObject().Select(m => ProtocolParameter.Plain(m.Name, m.Value.ValueKind == JsonValueKind.String ? m.Value.GetString()! : m.Value.GetRawText()))];
    }
}
