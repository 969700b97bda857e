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
}
