using System.Text.Json;
using System.Text.Json.Nodes;
using OAuthWebClient.Client.Providers;

namespace OAuthWebClient.Client.Assertions;

/// <summary>
/// The public keys of every provider's client assertion keys as a JWK Set (RFC 7517 §5), so they can be registered by
/// URL (<c>jwks_uri</c>, OIDC Registration §2). Public members only; built once, the keys do not change while running.
/// </summary>
internal sealed class ClientJwks(ProviderNames names, IServiceProvider services) : IClientJwks
{
    private readonly Lazy<string> _document = new(() =>
    {
        var keys = new JsonArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var provider in names.All)
        {
            foreach (var key in services.GetRequiredKeyedService<ClientAssertionKeys>(provider).All.Where(k => seen.Add(k.KeyId)))
            {
                var jwk = key.PublicJwk;
                var node = new JsonObject { ["kty"] = jwk.Kty, ["use"] = jwk.Use, ["alg"] = jwk.Alg, ["kid"] = jwk.Kid };
                foreach (var (name, value) in (ReadOnlySpan<(string, string?)>)[("n", jwk.N), ("e", jwk.E), ("crv", jwk.Crv), ("x", jwk.X), ("y", jwk.Y)])
                {
                    if (!string.IsNullOrEmpty(value))
                    {
                        node[name] = value;
                    }
                }

                keys.Add(node);
            }
        }

        return new JsonObject { ["keys"] = keys }.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    });

    public string Document => _document.Value;
}
