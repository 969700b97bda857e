using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OAuthWebClient.Client;
using OAuthWebClient.Client.Redis;
using OAuthWebClient.Web;
using OAuthWebClient.Client.Tokens;

namespace OAuthWebClient.ScaleOutTests;

/// <summary>What every <see cref="ITokenStore"/> must do; run against the in-memory and the Redis store.</summary>
internal static class TokenStoreContract
{
    public static IOptions<OAuthClientOptions> Lifetime(TimeSpan lifetime) =>
        Options.Create(new OAuthClientOptions { SessionLifetime = lifetime });

    public static TokenSetProtector Protector() => new(new EphemeralDataProtectionProvider());

    public static RedisAvailability Availability() => new(TimeProvider.System, NullLogger<RedisAvailability>.Instance);

    public static TokenSet Sample(string tag) => new()
    {
        AccessToken = "eyJhbGciOiJSUzI1NiJ9.access-" + tag + "-" + Guid.NewGuid().ToString("N"),
        RefreshToken = "refresh-" + tag + "-" + Guid.NewGuid().ToString("N"),
        IdToken = "eyJhbGciOiJSUzI1NiJ9.id-" + tag + "-" + Guid.NewGuid().ToString("N"),
        ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(5),
        Scope = "openid photos",
        Issuer = "https://as.example/",
        Subject = "alice",
    };

    public static async Task Round_trip_returns_what_was_stored(ITokenStore store)
    {
        var tokens = Sample("a");
        await store.SetAsync("session-1", tokens, default);

        Assert.Equal(tokens, await store.GetAsync("session-1", default));
        Assert.Null(await store.GetAsync("session-2", default));
    }

    public static async Task Mapped_claims_round_trip_with_the_tokens(ITokenStore store)
    {
        var tokens = Sample("a") with { User = new UserClaims { Name = "Alice", Email = "alice@example.com", Roles = ["admin", "photographer"] } };
        await store.SetAsync("session-1", tokens, default);

        var read = await store.GetAsync("session-1", default);
        Assert.Equal(tokens, read);
        Assert.Equal(["admin", "photographer"], read!.User!.Roles);
    }

    public static async Task Set_replaces_the_previous_tokens(ITokenStore store)
    {
        await store.SetAsync("session-1", Sample("old"), default);
        var rotated = Sample("new");
        await store.SetAsync("session-1", rotated, default);

        Assert.Equal(rotated.RefreshToken, (await store.GetAsync("session-1", default))!.RefreshToken);
    }

    public static async Task Removed_session_is_gone(ITokenStore store)
    {
        await store.SetAsync("session-1", Sample("a"), default);
        await store.RemoveAsync("session-1", default);

        Assert.Null(await store.GetAsync("session-1", default));
    }

    /// <summary>A refresh's answer written after the session ended (sign-out, back-channel logout) must not bring it back.</summary>
    public static async Task Replace_writes_only_a_session_that_still_exists(ITokenStore store)
    {
        await store.SetAsync("session-1", Sample("old"), default);
        var refreshed = Sample("refreshed");
        Assert.True(await store.ReplaceAsync("session-1", refreshed, default));
        Assert.Equal(refreshed, await store.GetAsync("session-1", default));

        await store.RemoveAsync("session-1", default);

        Assert.False(await store.ReplaceAsync("session-1", Sample("late"), default));
        Assert.Null(await store.GetAsync("session-1", default));
        Assert.False(await store.ReplaceAsync("never-stored", Sample("late"), default));
        Assert.Null(await store.GetAsync("never-stored", default));
    }

    public static TokenSet Signed(string issuer, string subject, string? sid) => Sample(subject) with { Issuer = issuer, Subject = subject, ProviderSessionId = sid };

    private const string Issuer = "https://as.example/";

    public static async Task Sessions_of_one_provider_session_are_removed_by_its_sid(ITokenStore store)
    {
        await store.SetAsync("laptop", Signed(Issuer, "alice", "op-1"), default);
        await store.SetAsync("laptop-2", Signed(Issuer, "alice", "op-1"), default);
        await store.SetAsync("phone", Signed(Issuer, "alice", "op-2"), default);

        Assert.Equal(2, await store.RemoveByProviderSessionAsync(Issuer, "op-1", null, default));

        Assert.Null(await store.GetAsync("laptop", default));
        Assert.Null(await store.GetAsync("laptop-2", default));
        Assert.NotNull(await store.GetAsync("phone", default));
        Assert.Equal(0, await store.RemoveByProviderSessionAsync(Issuer, "op-1", null, default));
    }

    public static async Task Every_session_of_a_subject_is_removed_by_its_sub_alone(ITokenStore store)
    {
        await store.SetAsync("laptop", Signed(Issuer, "alice", "op-1"), default);
        await store.SetAsync("phone", Signed(Issuer, "alice", null), default);
        await store.SetAsync("bob", Signed(Issuer, "bob", "op-3"), default);

        Assert.Equal(2, await store.RemoveByProviderSessionAsync(Issuer, null, "alice", default));

        Assert.Null(await store.GetAsync("laptop", default));
        Assert.Null(await store.GetAsync("phone", default));
        Assert.NotNull(await store.GetAsync("bob", default));
    }

    public static async Task With_sid_and_sub_both_must_match(ITokenStore store)
    {
        await store.SetAsync("laptop", Signed(Issuer, "alice", "op-1"), default);

        Assert.Equal(0, await store.RemoveByProviderSessionAsync(Issuer, "op-1", "bob", default));
        Assert.NotNull(await store.GetAsync("laptop", default));
        Assert.Equal(1, await store.RemoveByProviderSessionAsync(Issuer, "op-1", "alice", default));
        Assert.Equal(0, await store.RemoveByProviderSessionAsync(Issuer, null, null, default));
    }

    public static async Task Removal_never_reaches_another_issuers_sessions(ITokenStore store)
    {
        await store.SetAsync("here", Signed(Issuer, "alice", "op-1"), default);
        await store.SetAsync("there", Signed("https://other.example/", "alice", "op-1"), default);

        Assert.Equal(1, await store.RemoveByProviderSessionAsync(Issuer, "op-1", null, default));
        Assert.Equal(0, await store.RemoveByProviderSessionAsync(Issuer, null, "alice", default));

        Assert.NotNull(await store.GetAsync("there", default));
    }

    public static async Task A_replaced_or_removed_session_is_not_found_under_what_it_was(ITokenStore store)
    {
        await store.SetAsync("replaced", Signed(Issuer, "alice", "op-1"), default);
        await store.SetAsync("replaced", Signed(Issuer, "bob", "op-2"), default);
        await store.SetAsync("removed", Signed(Issuer, "alice", "op-1"), default);
        await store.RemoveAsync("removed", default);

        Assert.Equal(0, await store.RemoveByProviderSessionAsync(Issuer, "op-1", null, default));
        Assert.Equal(0, await store.RemoveByProviderSessionAsync(Issuer, null, "alice", default));
        Assert.NotNull(await store.GetAsync("replaced", default));

        // What it is now still finds it; a session signed in again under a removed one's sid too.
        await store.SetAsync("removed", Signed(Issuer, "alice", "op-1"), default);
        Assert.Equal(1, await store.RemoveByProviderSessionAsync(Issuer, "op-2", null, default));
        Assert.Equal(1, await store.RemoveByProviderSessionAsync(Issuer, "op-1", null, default));
    }
}
