using Microsoft.AspNetCore.Hosting;
using StackExchange.Redis;

namespace OAuthWebClient.ScaleOutTests.Infrastructure;

/// <summary>
/// The real Redis the tests use: <c>OAUTHWEBCLIENT_TEST_REDIS</c> (set by .ci/run, which starts one on a loopback
/// port), else 127.0.0.1:6379. Each test gets its own key prefix, so tests never see each other's keys.
/// </summary>
public static class TestRedis
{
    public static string Endpoint => Environment.GetEnvironmentVariable("OAUTHWEBCLIENT_TEST_REDIS") is { Length: > 0 } configured
        ? configured
        : "127.0.0.1:6379";

    public static string ConnectionString => Endpoint + ",abortConnect=false,connectTimeout=2000";

    private static readonly Lazy<string?> Unavailable = new(() =>
    {
        try
        {
            using var connection = ConnectionMultiplexer.Connect(Endpoint + ",abortConnect=true,connectTimeout=2000");
            connection.GetDatabase().Ping();
            return null;
        }
        catch (RedisException e)
        {
            return e.Message;
        }
    });

    /// <summary>Why Redis cannot be used, or null when it answers.</summary>
    public static string? WhyUnavailable => Unavailable.Value;

    public static string NewKeyPrefix() => $"test-{Guid.NewGuid():N}:";

    /// <summary>Points a client instance at Redis with the given key prefix.</summary>
    public static Action<IWebHostBuilder> Configure(string keyPrefix) => builder =>
    {
        builder.UseSetting("ConnectionStrings:Redis", ConnectionString);
        builder.UseSetting("Redis:KeyPrefix", keyPrefix);
    };

    public static ConnectionMultiplexer Connect() => ConnectionMultiplexer.Connect(ConnectionString);
}
