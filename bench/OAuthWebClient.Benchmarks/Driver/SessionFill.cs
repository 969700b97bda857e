using OAuthWebClient.Client;
using OAuthWebClient.Client.Redis;
using OAuthWebClient.Client.Session;
using StackExchange.Redis;

namespace OAuthWebClient.Benchmarks.Driver;

/// <summary>
/// Writes many sessions as ours' <see cref="RedisTokenStore"/> writes one — the encrypted token set under its key with the
/// session lifetime, and the back-channel logout index (a set per provider session and per subject, with the same expiry) —
/// but pipelined: batches of <see cref="SessionsPerBatch"/> sessions, at most <see cref="BatchesInFlight"/> in flight (a round
/// trip on a busy machine takes milliseconds, so one batch at a time would measure the scheduler). Each session has index sets of
/// its own, as distinct people have; the values are <see cref="DistinctValues"/> encryptions of the session used in turn, so
/// that the fill costs Redis's work, not a million encryptions (Redis keeps every copy on its own, byte for byte).
/// </summary>
internal static class SessionFill
{
    /// <summary>Five commands per session: 1,000 commands per batch, at most 4,000 in flight.</summary>
    public const int SessionsPerBatch = 200;

    public const int BatchesInFlight = 4;

    public const int DistinctValues = 1024;

    /// <summary>The stored values: the session encrypted by ours' protector, each copy with its own sub and sid.</summary>
    public static byte[][] Values(TokenSetProtector protector, TokenSet template) =>
        [.. Enumerable.Range(0, DistinctValues).Select(_ => protector.Protect(Person(template)))];

    /// <summary>The session as another person's, in another provider session.</summary>
    public static TokenSet Person(TokenSet template) =>
        template with { Subject = SessionClaims.NewSessionId(), ProviderSessionId = Guid.NewGuid().ToString() };

    public static async Task<string[]> FillAsync(IDatabase db, RedisKeys keys, byte[][] values, string issuer, int count, TimeSpan lifetime)
    {
        var ids = new string[count];
        var inFlight = new Queue<Task>();
        for (var start = 0; start < count; start += SessionsPerBatch)
        {
            var batch = db.CreateBatch();
            var writes = new List<Task>(SessionsPerBatch * 5);
            for (var i = start; i < Math.Min(count, start + SessionsPerBatch); i++)
            {
                ids[i] = SessionClaims.NewSessionId();
                var member = RedisKeys.SessionFingerprint(ids[i]);
                writes.Add(batch.StringSetAsync(keys.TokensOf(member), values[i % values.Length], lifetime));
                foreach (var index in new[] { keys.ProviderSession(issuer, Guid.NewGuid().ToString()), keys.Subject(issuer, Guid.NewGuid().ToString()) })
                {
                    writes.Add(batch.SetAddAsync(index, member));
                    writes.Add(batch.KeyExpireAsync(index, lifetime));
                }
            }

            // One batch goes out in one write: fewer system calls than a thousand commands sent one by one.
            batch.Execute();
            inFlight.Enqueue(Task.WhenAll(writes));
            if (inFlight.Count == BatchesInFlight)
            {
                await inFlight.Dequeue();
            }
        }

        await Task.WhenAll(inFlight);
        return ids;
    }
}
