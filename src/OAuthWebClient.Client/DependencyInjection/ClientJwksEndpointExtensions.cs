using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using OAuthWebClient.Client;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Serves the client's public keys for <c>private_key_jwt</c>.</summary>
public static class ClientJwksEndpointExtensions
{
    /// <summary>The default path: <c>/.well-known/jwks.json</c>.</summary>
    public const string DefaultPath = "/.well-known/jwks.json";

    /// <summary>
    /// <c>GET {pattern}</c>: the public keys of the client assertion keys (<c>OAuth:ClientAssertion</c>) of every provider,
    /// as a JWK Set (RFC 7517 §5) — the URL to register as the client's <c>jwks_uri</c>. Never a private member.
    /// </summary>
    public static IEndpointConventionBuilder MapClientJwks(this IEndpointRouteBuilder endpoints, string pattern = DefaultPath)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapGet(pattern, (HttpContext context, IClientJwks jwks) =>
        {
            // Servers cache it; a rotated-in key is published before it signs (ClientAssertionKey.ActiveFrom).
            context.Response.Headers.CacheControl = "public, max-age=300";
            return Results.Text(jwks.Document, "application/jwk-set+json");
        });
    }
}
