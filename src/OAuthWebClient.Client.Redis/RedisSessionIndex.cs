using System.Collections.Concurrent;
using OAuthWebClient.Client.Tokens;
using StackExchange.Redis;

namespace OAuthWebClient.Client.Redis;

/// <summary>
/// The back-channel logout index in Redis: a set per (issuer, <c>sid</c>) and per (issuer, <c>sub</c>) of the sessions'
/// fingerprints, living twice a session's lifetime from their last write or slide, so that a read needs to slide them
/// only when this instance has not for half a lifetime: a session then always expires before its sets, and most page
/// requests send Redis one command (the session's GETEX). Every command touches one key, so it runs
/// on Redis Cluster as it is. The index only finds candidates: each session is read back and checked
/// (<see cref="ProviderSessionMatch"/>) before it is deleted, and only if it is still the value that was checked.
/// </summary>
internal sealed class RedisSessionIndex(RedisKeys keys, TokenSetProtector protector, TimeSpan sessionLifetime, TimeProvider time)
{
    /// <summary>Sets outlive the sessions in them: slid (or written) at s, a set lives to s + 2L; a session read at r ≤ s + L/2 lives to r + L.</summary>
    private readonly TimeSpan _lifetime = 2 * sessionLifetime;

    private readonly TimeSpan _slideAfter = sessionLifetime / 2;

    /// <summary>
    /// When this instance last wrote or slid each set, by 64 bits of the set's SHA-256 name (about 40 bytes an entry);
    /// entries older than <see cref="_slideAfter"/> are swept as it grows.
    /// </summary>
    private readonly ConcurrentDictionary<ulong, DateTimeOffset> _slid = new();

    private int _sweepAbove = 1024;

    /// <summary>A set larger than this drops the sessions that are gone as it grows (a subject signing in every day).</summary>
    private const int PruneAbove = 16;

    private const int PruneEvery = 8;

    /// <summary>Twice <see cref="PruneEvery"/>: a set of sessions that are all gone shrinks faster than it grows.</summary>
    private const int PruneSample = 16;

    // Compare-and-delete on one key: a session replaced since it was checked is kept.
    private const string DeleteIfUnchanged = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

    /// <summary>Adds the session to its sets; sent with the SET of its tokens, so it follows it on the same connection.</summary>
    public Task AddAsync(IDatabase db, string sessionId, TokenSet tokens) =>
        Task.WhenAll(Keys(tokens).Select(key => AddAsync(db, key, RedisKeys.SessionFingerprint(sessionId))));

    /// <summary>A read slid the session's expiry: the sets must live longer (fire and forget: no wait, no reply), when due.</summary>
    public void Slide(IDatabase db, TokenSet tokens)
    {
        var now = time.GetUtcNow();
        try
        {
            foreach (var key in Keys(tokens))
            {
                if (!_slid.TryGetValue(Id(key), out var last) || now - last >= _slideAfter)
                {
                    Slid(key, now);
                    db.KeyExpire(key, _lifetime, flags: CommandFlags.FireAndForget);
                }
            }
        }
        catch (RedisException)
        {
            // Redis went away since the read: the sets keep their earlier expiry, a later read slides them.
            foreach (var key in Keys(tokens))
            {
                _slid.TryRemove(Id(key), out _);
            }
        }
    }

    public async Task<int> RemoveAsync(IDatabase db, string issuer, string? providerSessionId, string? subject)
    {
        if (providerSessionId is null && subject is null)
        {
            return 0;
        }

        var index = providerSessionId is not null ? keys.ProviderSession(issuer, providerSessionId) : keys.Subject(issuer, subject!);
        var removed = 0;
        var members = await db.SetMembersAsync(index);
        var values = await Task.WhenAll(members.Select(m => db.StringGetAsync(keys.TokensOf(m.ToString())))); // pipelined: one round trip
        foreach (var (member, value) in members.Zip(values))
        {
            var key = keys.TokensOf(member.ToString());
            var tokens = value.IsNull ? null : protector.Unprotect((byte[])value!);
            if (tokens is not null && ProviderSessionMatch.IsNamed(tokens, issuer, providerSessionId, subject))
            {
                removed += (int)await db.ScriptEvaluateAsync(DeleteIfUnchanged, [key], [value]);
            }
            else if (tokens is not null && Keys(tokens).Contains(index))
            {
                continue; // indexed rightly, not named (another sub for this sid): kept
            }

            // Gone, ended now, or replaced by tokens of another provider session: not in this set any more.
            await db.SetRemoveAsync(index, member);
        }

        return removed;
    }

    /// <summary>
    /// SADD, EXPIRE and SCARD in one round trip. Past <see cref="PruneAbove"/>, every <see cref="PruneEvery"/>th addition
    /// checks a sample of members and drops those whose session is gone: bounded work per sign-in whatever the set's
    /// size (checking every member made each sign-in of a person with many live sessions — a shared account, a load
    /// test — cost one round trip per session).
    /// </summary>
    private async Task AddAsync(IDatabase db, RedisKey key, string member)
    {
        var added = db.SetAddAsync(key, member);
        var expiry = db.KeyExpireAsync(key, _lifetime);
        var length = db.SetLengthAsync(key);
        await Task.WhenAll(added, expiry, length);
        Slid(key, time.GetUtcNow()); // only once Redis took the expiry: a failed write leaves the next read to slide
        if (!await added || await length is var size && (size <= PruneAbove || size % PruneEvery != 0))
        {
            return;
        }

        var sample = await db.SetRandomMembersAsync(key, PruneSample);
        var exists = sample.Select(m => db.KeyExistsAsync(keys.TokensOf(m.ToString()))).ToArray();
        await Task.WhenAll(exists);
        var gone = sample.Where((_, i) => !exists[i].Result).ToArray();
        if (gone.Length > 0)
        {
            await db.SetRemoveAsync(key, gone);
        }
    }

    private void Slid(RedisKey key, DateTimeOffset now)
    {
        _slid[Id(key)] = now;
        if (_slid.Count > _sweepAbove)
        {
            foreach (var (stale, at) in _slid)
            {
                if (now - at >= _slideAfter)
                {
                    _slid.TryRemove(stale, out _);
                }
            }

            _sweepAbove = Math.Max(1024, 2 * _slid.Count); // amortized: a sweep per doubling
        }
    }

    /// <summary>The set's name ends with a 43-character base64url SHA-256 fingerprint (<see cref="RedisKeys"/>): its first 64 bits.</summary>
    private static ulong Id(RedisKey key)
    {
        var name = key.ToString();
        return BitConverter.ToUInt64(System.Buffers.Text.Base64Url.DecodeFromChars(name.AsSpan(name.Length - 43, 12)));
    }

    private IEnumerable<RedisKey> Keys(TokenSet tokens)
    {
        if (tokens.ProviderSessionId is { } sid)
        {
            yield return keys.ProviderSession(tokens.Issuer, sid);
        }

        if (tokens.Subject is { } sub)
        {
            yield return keys.Subject(tokens.Issuer, sub);
        }
    }
}
