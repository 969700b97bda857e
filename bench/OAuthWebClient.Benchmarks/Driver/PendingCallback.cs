namespace OAuthWebClient.Benchmarks.Driver;

/// <summary>The callback a browser would be sent to, with the cookies the login start set.</summary>
internal sealed record PendingCallback(Uri Callback, string Cookie);
