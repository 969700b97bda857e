namespace OAuthWebClient.Health;

/// <summary>One warning of the <see cref="SelfCheck"/>: a stable name (<c>data-protection</c>, <c>clock</c>, …) and the plain explanation.</summary>
public sealed record SelfCheckFinding(string Check, string Message);
