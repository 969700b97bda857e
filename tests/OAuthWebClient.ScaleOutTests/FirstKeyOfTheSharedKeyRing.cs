using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using OAuthWebClient.ScaleOutTests.Infrastructure;
using OAuthWebClient.Testing;

namespace OAuthWebClient.ScaleOutTests;

/// <summary>
/// Instances that start together on an empty Redis — a first rollout, or a fresh key prefix — end up with one Data
/// Protection key between them. With one key each, an instance stops reading another's cookies and sessions two minutes
/// after start (Data Protection looks an unknown key id up only in that window), until its daily ring refresh.
/// </summary>
public sealed class FirstKeyOfTheSharedKeyRing
{
    private const int Instances = 3;

    [RedisFact]
    public async Task Instances_starting_together_on_an_empty_key_ring_share_one_key()
    {
        var prefix = TestRedis.NewKeyPrefix();
        await using var hosts = new TestHosts(TestRedis.Configure(prefix), clientInstances: Instances);

        // Start every instance at once, then have each encrypt its first payload at the same moment.
        var providers = await Task.WhenAll(Enumerable.Range(0, Instances).Select(i =>
            Task.Run(() => hosts.ClientInstance(i).Services.GetRequiredService<IDataProtectionProvider>())));
        using var together = new Barrier(Instances);
        var payloads = await Task.WhenAll(providers.Select(provider => Task.Run(() =>
        {
            var protector = provider.CreateProtector("first-key-test");
            together.SignalAndWait();
            return protector.Protect("hello"u8.ToArray());
        })));

        using var connection = TestRedis.Connect();
        Assert.Single(await connection.GetDatabase().ListRangeAsync(prefix + "dataprotection-keys"));
        Assert.Single(payloads.Select(KeyIdOf).Distinct());
        foreach (var provider in providers)
        {
            Assert.All(payloads, payload => Assert.Equal("hello"u8.ToArray(), provider.CreateProtector("first-key-test").Unprotect(payload)));
        }
    }

    /// <summary>A Data Protection payload: a 4-byte magic header, then the id of the key that encrypted it.</summary>
    private static Guid KeyIdOf(byte[] payload) => new(payload.AsSpan(4, 16));
}
