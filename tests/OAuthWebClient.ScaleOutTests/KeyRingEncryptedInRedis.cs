using System.Net;
using Microsoft.AspNetCore.Hosting;
using OAuthWebClient.ScaleOutTests.Infrastructure;
using OAuthWebClient.Testing;

namespace OAuthWebClient.ScaleOutTests;

/// <summary>
/// <c>DataProtection:CertificateFile</c> with Redis: the shared key ring is stored encrypted with the certificate, and
/// the other instance reads it — a sign-in started on one completes on the other, and photos come from both.
/// </summary>
public sealed class KeyRingEncryptedInRedis : IDisposable
{
    private readonly TestKeyFiles _files = new();

    [RedisFact]
    public async Task The_shared_key_ring_is_encrypted_with_the_certificate_and_read_by_every_instance()
    {
        var prefix = TestRedis.NewKeyPrefix();
        var redis = TestRedis.Configure(prefix);
        var certificate = _files.RsaCertificate();
        await using var hosts = new TestHosts(builder =>
        {
            redis(builder);
            builder.UseSetting("DataProtection:CertificateFile", certificate);
        }, clientInstances: 2);
        var browser = hosts.NewBrowser();

        hosts.UseClientInstance(0);
        var consent = await hosts.StartSignInAsync(browser, "alice");
        hosts.UseClientInstance(1);
        var gallery = await browser.SubmitAsync(consent, "Allow", button: "decision=allow");
        hosts.UseClientInstance(0);
        var again = await browser.GetAsync(TestHosts.ClientOrigin + "photos");

        Assert.Equal(HttpStatusCode.OK, gallery.Status);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains("Harbour at dawn", again.Html, StringComparison.Ordinal);
        using var connection = TestRedis.Connect();
        var ring = await connection.GetDatabase().ListRangeAsync(prefix + "dataprotection-keys");
        var key = Assert.Single(ring).ToString();
        Assert.Contains("<EncryptedData", key, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", key, StringComparison.Ordinal);
    }

    public void Dispose() => _files.Dispose();
}
