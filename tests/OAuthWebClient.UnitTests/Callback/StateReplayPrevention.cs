using Microsoft.Extensions.Time.Testing;
using OAuthWebClient.Client.Callback;
using OAuthWebClient.Callback;
using OAuthWebClient.Client.Tokens;
using OAuthWebClient.Client;
using OAuthWebClient.UnitTests.TestSupport;

namespace OAuthWebClient.UnitTests.Callback;

public sealed class StateReplayPrevention
{
    [Fact]
    public async Task A_state_is_consumed_only_once()
    {
        var time = new FakeTimeProvider(TestOptions.Start);
        var cache = new InMemoryStateReplayCache(time);
        var until = time.GetUtcNow().AddMinutes(10);

        Assert.True(await cache.TryConsumeAsync("fp-1", until, CancellationToken.None));
        Assert.False(await cache.TryConsumeAsync("fp-1", until, CancellationToken.None));
    }

    [Fact]
    public async Task Different_states_do_not_block_each_other()
    {
        var time = new FakeTimeProvider(TestOptions.Start);
        var cache = new InMemoryStateReplayCache(time);
        var until = time.GetUtcNow().AddMinutes(10);

        Assert.True(await cache.TryConsumeAsync("fp-1", until, CancellationToken.None));
        Assert.True(await cache.TryConsumeAsync("fp-2", until, CancellationToken.None));
    }

    [Fact]
    public async Task A_used_state_stays_used_until_its_transaction_could_have_expired()
    {
        var time = new FakeTimeProvider(TestOptions.Start);
        var cache = new InMemoryStateReplayCache(time);
        await cache.TryConsumeAsync("fp-1", time.GetUtcNow().AddMinutes(10), CancellationToken.None);

        time.Advance(TimeSpan.FromMinutes(9));

        Assert.False(await cache.TryConsumeAsync("fp-1", time.GetUtcNow().AddMinutes(10), CancellationToken.None));
    }
}
