using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace OAuthWebClient.Client.Redis;

/// <summary>Key names. Session ids and states appear only as SHA-256 fingerprints, never in clear.</summary>
internal sealed class RedisKeys(IOptions<RedisOptions> options)
{
    private readonly string _prefix = options.Value.KeyPrefix;

    public RedisKey Tokens(string sessionId) => _prefix + "tokens:" + RandomValue.Fingerprint(sessionId, 43);

    public RedisKey RefreshLease(string sessionId) => _prefix + "refresh:" + RandomValue.Fingerprint(sessionId, 43);

    public RedisKey UsedState(string stateFingerprint) => _prefix + "state:" + stateFingerprint;

    public RedisKey DataProtectionKeys => _prefix + "dataprotection-keys";
}
