namespace OAuthWebClient.Sandbox;

/// <summary>
/// The sandbox started in-process when no external authority is configured (section <c>Sandbox</c>).
/// It runs on another site than the client (127.0.0.1 vs localhost) so the browser makes real cross-site redirects.
/// </summary>
public sealed class EmbeddedSandboxOptions
{
    public const string SectionName = "Sandbox";

    /// <summary>The sandbox authorization server's URL and issuer. Default: <c>http://127.0.0.1:5001</c>.</summary>
    public Uri AuthServerUrl { get; set; } = new("http://127.0.0.1:5001");

    /// <summary>The sandbox photos API's URL. Default: <c>http://127.0.0.1:5002</c>.</summary>
    public Uri PhotosApiUrl { get; set; } = new("http://127.0.0.1:5002");

    /// <summary>Access token lifetime at the sandbox server. Default: 5 minutes; 30 seconds shows refresh at work.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// <c>Sandbox:Enabled</c>: whether the sandbox may start at all. Default: only in Development — its demo users and
    /// committed client secret must never serve sign-ins in a deployment that lost one environment variable. True
    /// allows it elsewhere (the self-check then warns); false keeps it off in Development too.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>The sandbox starts: it is allowed here, and neither <c>OAuth:Authority</c> nor hand-configured endpoints are set.</summary>
    public static bool IsEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        IsAllowed(configuration, environment) &&
        string.IsNullOrWhiteSpace(configuration["OAuth:Authority"]) &&
        string.IsNullOrWhiteSpace(configuration["OAuth:Endpoints:AuthorizationEndpoint"]);

    /// <summary><c>Sandbox:Enabled</c> when it is true or false, otherwise whether this is Development.</summary>
    public static bool IsAllowed(IConfiguration configuration, IHostEnvironment environment) =>
        bool.TryParse(configuration[SectionName + ":Enabled"], out var enabled) ? enabled : environment.IsDevelopment();
}
