using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace OAuthWebClient.Client.Assertions;

/// <summary>
/// A provider's client assertion keys (<see cref="OAuthClientOptions.ClientAssertion"/>), loaded once. Of the keys active
/// now, the one with the latest <see cref="ClientAssertionKey.ActiveFrom"/> signs; every key is published, so a server
/// that fetches the JWKS knows the next key before it is used.
/// </summary>
internal sealed class ClientAssertionKeys([FromKeyedServices] IOptions<OAuthClientOptions> options, TimeProvider timeProvider)
{
    private readonly Lazy<IReadOnlyList<AssertionSigningKey>> _keys = new(() => [.. options.Value.ClientAssertion.AllKeys.Select(AssertionKeyLoader.Load)]);

    public IReadOnlyList<AssertionSigningKey> All => _keys.Value;

    /// <summary>The key that signs now; null when none is configured or none is active yet.</summary>
    public AssertionSigningKey? Current
    {
        get
        {
            var now = timeProvider.GetUtcNow();
            AssertionSigningKey? current = null;
            foreach (var key in All)
            {
                if ((key.ActiveFrom ?? DateTimeOffset.MinValue) <= now && (current is null || (key.ActiveFrom ?? DateTimeOffset.MinValue) >= (current.ActiveFrom ?? DateTimeOffset.MinValue)))
                {
                    current = key;
                }
            }

            return current;
        }
    }

    public IEnumerable<JsonWebKey> PublicKeys => All.Select(k => k.PublicJwk);
}
