namespace OAuthWebClient.Client.Events;

/// <summary>What every event carries: when, and the request it happened in (if any).</summary>
public abstract class OAuthEventContext
{
    /// <summary>The request during which it happened; null in the background.</summary>
    public HttpContext? HttpContext { get; init; }

    /// <summary>When it happened (the client's <see cref="TimeProvider"/>).</summary>
    public required DateTimeOffset At { get; init; }
}
