namespace OAuthWebClient.BrowserTests.Infrastructure;

/// <summary>How one instance of the app under test is started.</summary>
public sealed record AppHostSettings
{
    /// <summary>Development, as on a developer's machine (the flow inspector is on there).</summary>
    public string Environment { get; init; } = "Development";

    /// <summary>The sandbox's access token lifetime; null keeps the default (5 minutes).</summary>
    public TimeSpan? AccessTokenLifetime { get; init; }

    /// <summary>The client's port; null picks a free one (an external server registers the redirect URI before the app starts).</summary>
    public int? ClientPort { get; init; }

    /// <summary>Any other configuration keys (e.g. <c>FlowInspector:Enabled</c>).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
}
