using System.Security.Cryptography.X509Certificates;
using OAuthWebClient.DeploymentTests.Infrastructure;
using StackExchange.Redis;

namespace OAuthWebClient.DeploymentTests;

/// <summary>
/// The instances are given <c>DataProtection__CertificateFile</c> (a PEM with the key): the key ring they share in Redis
/// holds every key encrypted to that certificate, no master key in clear — and a sign-in started on one instance
/// completes on the other, so each reads the ring the other wrote.
/// </summary>
public abstract class DataProtectionKeysEncryptedAndShared(ProductionTopology topology, ChromiumFixture chromium)
{
    [DeploymentFact]
    public async Task The_shared_key_ring_is_encrypted_with_the_certificate_and_both_instances_read_it()
    {
        await using var session = await chromium.SignedInSessionAsync(topology);
        await session.ExpectSignedInAsync("Alice");
        // Round robin: the login (transaction cookie protected) and the callback (read) were served by different instances.
        var login = session.Responses.First(r => r.Url.AbsolutePath == "/account/login");
        var callback = session.Responses.First(r => r.Url.AbsolutePath == "/callback");
        Assert.NotEqual(login.Upstream, callback.Upstream);

        await using var redis = await ConnectionMultiplexer.ConnectAsync(topology.Redis.ConnectionString);
        var ring = await redis.GetDatabase().ListRangeAsync("oauthwebclient:dataprotection-keys");
        Assert.NotEmpty(ring);
        using var certificate = X509Certificate2.CreateFromPemFile(topology.DataProtectionCertificateFile);
        var encoded = Convert.ToBase64String(certificate.RawData);
        Assert.All(ring, entry =>
        {
            var key = entry.ToString();
            Assert.Contains("<EncryptedData", key, StringComparison.Ordinal);
            Assert.Contains(encoded, key.Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", key, StringComparison.Ordinal);
        });
    }
}

[Collection(OneRedisCollection.Name)]
public sealed class DataProtectionKeysEncryptedAndSharedWithOneRedis(OneRedisTopology topology, ChromiumFixture chromium) : DataProtectionKeysEncryptedAndShared(topology, chromium);

[Collection(RedisClusterCollection.Name)]
public sealed class DataProtectionKeysEncryptedAndSharedOnRedisCluster(RedisClusterTopology topology, ChromiumFixture chromium) : DataProtectionKeysEncryptedAndShared(topology, chromium);
