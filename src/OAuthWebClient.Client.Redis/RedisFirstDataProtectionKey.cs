using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace OAuthWebClient.Client.Redis;

/// <summary>
/// Makes the first key of the shared key ring one write. On an empty ring Data Protection creates a key on first use,
/// so instances that start together each create one. An instance then looks up a key id it does not know only in
/// the first two minutes after it loaded its ring; after that, cookies and sessions written with another instance's key
/// fail to decrypt on it until its daily refresh. Before anything is served, this takes a lock in Redis, and the
/// instance that holds it creates the key when the ring has no active one; the others wait and find it.
/// Key rotation needs nothing: Data Protection makes each later key two days before it becomes active.
/// </summary>
internal sealed partial class RedisFirstDataProtectionKey(
    IServiceProvider services, IOptions<KeyManagementOptions> keyOptions, TimeProvider time, ILogger<RedisFirstDataProtectionKey> logger)
    : IHostedLifecycleService
{
    private static readonly TimeSpan LockLifetime = TimeSpan.FromSeconds(30);

    /// <summary>How long an instance waits for another to create the key before it goes on without (and logs it).</summary>
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(10);

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!RedisOptions.IsConfigured(services.GetRequiredService<IConfiguration>()))
        {
            return;
        }

        var keyManager = services.GetRequiredService<IKeyManager>();
        try
        {
            if (HasActiveKey(keyManager))
            {
                return;
            }

            var database = services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
            var lockKey = services.GetRequiredService<RedisKeys>().FirstDataProtectionKeyLock;
            var owner = RandomValue.Create(16);
            var deadline = time.GetUtcNow() + WaitLimit;
            while (!await database.LockTakeAsync(lockKey, owner, LockLifetime))
            {
                if (time.GetUtcNow() > deadline)
                {
                    LogNoFirstKey(logger, "another instance held the lock for too long");
                    return;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(50), time, cancellationToken);
                if (HasActiveKey(keyManager))
                {
                    return; // the holder created it
                }
            }

            try
            {
                if (!HasActiveKey(keyManager))
                {
                    var now = time.GetUtcNow();
                    var key = keyManager.CreateNewKey(now, now + keyOptions.Value.NewKeyLifetime);
                    LogFirstKeyCreated(logger, key.KeyId);
                }
            }
            finally
            {
                await database.LockReleaseAsync(lockKey, owner);
            }
        }
        catch (RedisException e)
        {
            // Start anyway (as with Redis down at any other time); Data Protection creates the key on first use.
            LogNoFirstKey(logger, e.GetType().Name);
        }
    }

    /// <summary>A key the ring would use now (the repository is read afresh on every call).</summary>
    private bool HasActiveKey(IKeyManager keyManager)
    {
        var now = time.GetUtcNow();
        return keyManager.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(8003, LogLevel.Information, "Created the first Data Protection key {KeyId} of the shared key ring in Redis.", EventName = "FirstDataProtectionKeyCreated")]
    private static partial void LogFirstKeyCreated(ILogger logger, Guid keyId);

    [LoggerMessage(8004, LogLevel.Warning, "Could not make sure of one first Data Protection key in Redis ({Reason}); Data Protection creates one on first use, and instances that start together may each create their own.", EventName = "FirstDataProtectionKeyNotEnsured")]
    private static partial void LogNoFirstKey(ILogger logger, string reason);
}
