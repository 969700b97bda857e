namespace OAuthWebClient.Client.Metadata;

/// <summary>
/// How far this machine's clock is from the authorization server's, as last seen in a <c>Date</c> header (RFC 9110
/// §6.6.1, one-second resolution). ID token times are checked against this machine's clock, so a large offset makes
/// valid tokens look expired or not yet valid; the self-check reports it.
/// </summary>
internal sealed class ServerClock(TimeProvider timeProvider)
{
    private long _offsetTicks;
    private int _observed;

    /// <summary>Server time minus local time at the last answer; null until a server answered with a Date header.</summary>
    public TimeSpan? Offset => Volatile.Read(ref _observed) == 0 ? null : TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    internal void Observe(DateTimeOffset serverDate)
    {
        Interlocked.Exchange(ref _offsetTicks, (serverDate - timeProvider.GetUtcNow()).Ticks);
        Volatile.Write(ref _observed, 1);
    }
}
