namespace OAuthWebClient.Client.Redis;

/// <summary>
/// Redis for running on several instances (section <c>Redis</c>; the connection string is
/// <c>ConnectionStrings:Redis</c>). Without a connection string everything stays in this process.
/// </summary>
public sealed class RedisOptions
{
    /// <summary>The configuration section: <c>Redis</c>.</summary>
    public const string SectionName = "Redis";

    /// <summary>The connection string's name under <c>ConnectionStrings</c>: <c>Redis</c>.</summary>
    public const string ConnectionStringName = "Redis";

    /// <summary>Prefix of every key this app writes. Default: <c>oauthwebclient:</c>.</summary>
    public string KeyPrefix { get; set; } = "oauthwebclient:";

    /// <summary>Whether <c>ConnectionStrings:Redis</c> is set.</summary>
    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration.GetConnectionString(ConnectionStringName));
}
