using Microsoft.Extensions.Time.Testing;
using Sandbox.DPoP;

namespace Sandbox.PhotosApi.Tests.DPoP;

/// <summary>The time-bound parts of DPoP validation (shared by both sandbox apps), on a fake clock.</summary>
public sealed class DPoPNonceAndReplayCacheTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UnixEpoch.AddYears(56));

    [Fact]
    public void Nonce_changes_after_its_lifetime_and_the_previous_one_is_accepted_as_stale_once_more()
    {
        var nonces = new DPoPNonces(new DPoPOptions { NonceLifetime = TimeSpan.FromMinutes(5) }, _clock);
        var first = nonces.Current;

        _clock.Advance(TimeSpan.FromMinutes(5));
        var second = nonces.Current;

        Assert.NotEqual(first, second);
        Assert.Equal(NonceCheck.Current, nonces.Check(second));
        Assert.Equal(NonceCheck.Previous, nonces.Check(first));
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(NonceCheck.Unknown, nonces.Check(first));
        Assert.Equal(NonceCheck.Unknown, nonces.Check(null));
    }

    [Fact]
    public void Jti_is_refused_until_it_expires()
    {
        var cache = new JtiReplayCache(capacity: 10, _clock);

        Assert.True(cache.TryUse("a", _clock.GetUtcNow().AddMinutes(2)));
        Assert.False(cache.TryUse("a", _clock.GetUtcNow().AddMinutes(2)));
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(cache.TryUse("a", _clock.GetUtcNow().AddMinutes(2)));
    }

    [Fact]
    public void Full_cache_refuses_new_jtis_until_entries_expire()
    {
        var cache = new JtiReplayCache(capacity: 2, _clock);
        Assert.True(cache.TryUse("a", _clock.GetUtcNow().AddMinutes(1)));
        Assert.True(cache.TryUse("b", _clock.GetUtcNow().AddMinutes(1)));

        Assert.False(cache.TryUse("c", _clock.GetUtcNow().AddMinutes(1))); // refusing is safer than forgetting "a"
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(cache.TryUse("c", _clock.GetUtcNow().AddMinutes(1)));
    }
}
