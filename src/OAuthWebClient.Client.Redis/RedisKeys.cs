using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace OAuthWebClient.Client.Redis;

/// <summary>
/// Key names. Session ids and states appear only as SHA-256 fingerprints, never in clear; so do the provider's session
/// ids and subjects in the back-channel logout index (identifiers, not secrets, but keys stay uniform and bounded).
/// </summary>
internal sealed class RedisKeys(IOptions<RedisOptions> options)
{
    private readonly string _prefix = options.Value.KeyPrefix;

    /// <summary>What names a session in Redis: its token key's suffix and its member in the index sets.</summary>
    public static string SessionFingerprint(string sessionId) => RandomValue.Fingerprint(sessionId, 43);

    public RedisKey Tokens(string sessionId) => TokensOf(SessionFingerprint(sessionId));

    public RedisKey TokensOf(string sessionFingerprint) => _prefix + "tokens:" + sessionFingerprint;

    /// <summary>The set of sessions (by fingerprint) of one provider session: issuer and <c>sid</c>.</summary>
    public RedisKey ProviderSession(string issuer, string providerSessionId) => _prefix + "sid:" + RandomValue.Fingerprint(issuer + "\n" + providerSessionId, 43);

    /// <summary>The set of sessions (by fingerprint) of one person at one provider: issuer and <c>sub</c>.</summary>
    public RedisKey Subject(string issuer, string subject) => _prefix + "sub:" + RandomValue.Fingerprint(issuer + "\n" + subject, 43);

    public RedisKey RefreshLease(string sessionId) => _prefix + "refresh:" + RandomValue.Fingerprint(sessionId, 43);

    public RedisKey UsedState(string stateFingerprint) => _prefix + "state:" + stateFingerprint;

    public RedisKey DataProtectionKeys => _prefix + "dataprotection-keys";

    /// <summary>Held while an instance creates the first key of an empty key ring.</summary>
    public RedisKey FirstDataProtectionKeyLock => _prefix + "dataprotection-first-key";
}
