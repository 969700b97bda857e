using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Sandbox.AuthServer.Tests.Infrastructure;

/// <summary>Decodes (without validating) the header and payload of a JWS compact serialization (RFC 7515 §7.1).</summary>
public sealed record Jwt(JsonElement Header, JsonElement Payload)
{
    public static Jwt Decode(string token)
    {
        var parts = token.Split('.');
        Assert.Equal(3, parts.Length); // JWS, not a 5-part JWE
        return new Jwt(Part(parts[0]), Part(parts[1]));
    }

    public string Claim(string name) => Payload.GetProperty(name).GetString()!;

    private static JsonElement Part(string value) =>
        JsonDocument.Parse(WebEncoders.Base64UrlDecode(value)).RootElement.Clone();
}
