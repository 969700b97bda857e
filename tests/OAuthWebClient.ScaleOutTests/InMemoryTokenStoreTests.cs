using Microsoft.Extensions.Time.Testing;
using OAuthWebClient.Client;
using OAuthWebClient.Client.Tokens;

namespace OAuthWebClient.ScaleOutTests;

public sealed class InMemoryTokenStoreTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    private InMemoryTokenStore Store(TimeSpan? lifetime = null) => new(_time, TokenStoreContract.Lifetime(lifetime ?? TimeSpan.FromHours(1)));

    [Fact]
    public Task Round_trip_returns_what_was_stored() => TokenStoreContract.Round_trip_returns_what_was_stored(Store());

    [Fact]
    public Task Mapped_claims_round_trip_with_the_tokens() => TokenStoreContract.Mapped_claims_round_trip_with_the_tokens(Store());

    [Fact]
    public Task Set_replaces_the_previous_tokens() => TokenStoreContract.Set_replaces_the_previous_tokens(Store());

    [Fact]
    public Task Removed_session_is_gone() => TokenStoreContract.Removed_session_is_gone(Store());

    [Fact]
    public Task Replace_writes_only_a_session_that_still_exists() => TokenStoreContract.Replace_writes_only_a_session_that_still_exists(Store());

    [Fact]
    public Task Sessions_of_one_provider_session_are_removed_by_its_sid() => TokenStoreContract.Sessions_of_one_provider_session_are_removed_by_its_sid(Store());

    [Fact]
    public Task Every_session_of_a_subject_is_removed_by_its_sub_alone() => TokenStoreContract.Every_session_of_a_subject_is_removed_by_its_sub_alone(Store());

    [Fact]
    public Task With_sid_and_sub_both_must_match() => TokenStoreContract.With_sid_and_sub_both_must_match(Store());

    [Fact]
    public Task Removal_never_reaches_another_issuers_sessions() => TokenStoreContract.Removal_never_reaches_another_issuers_sessions(Store());

    [Fact]
    public Task A_replaced_or_removed_session_is_not_found_under_what_it_was() => TokenStoreContract.A_replaced_or_removed_session_is_not_found_under_what_it_was(Store());

    [Fact]
    public async Task Entry_expires_with_the_session_and_slides_while_used()
    {
        var store = Store(TimeSpan.FromMinutes(10));
        await store.SetAsync("s", TokenStoreContract.Sample("a"), default);

        _time.Advance(TimeSpan.FromMinutes(9));
        Assert.NotNull(await store.GetAsync("s", default)); // used: slides to 10 more minutes
        _time.Advance(TimeSpan.FromMinutes(9));
        Assert.NotNull(await store.GetAsync("s", default));
        _time.Advance(TimeSpan.FromMinutes(11));
        Assert.Null(await store.GetAsync("s", default));
    }

    [Fact]
    public async Task An_expired_session_is_not_counted_as_ended()
    {
        var store = Store(TimeSpan.FromMinutes(10));
        await store.SetAsync("s", TokenStoreContract.Signed("https://as.example/", "alice", "op-1"), default);
        _time.Advance(TimeSpan.FromMinutes(11));

        Assert.Equal(0, await store.RemoveByProviderSessionAsync("https://as.example/", "op-1", null, default));
    }
}
