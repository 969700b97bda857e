namespace OAuthWebClient.Health;

/// <summary>One warning of the <see cref="SelfCheck"/>: a stable name (<c>data-protection</c>, <c>clock</c>, …) and the plain explanation.</summary>
/// <param name="LogOnly">
/// Said in the start-up log only, never on the anonymous <c>/health</c>: a finding that would tell an attacker
/// something worth having (that the client secret is the public sandbox one).
/// </param>
public sealed record SelfCheckFinding(string Check, string Message, bool LogOnly = false);
