namespace OAuthWebClient.Client.Events;

/// <summary>One check the callback ran, its verdict, and the reason in plain words.</summary>
/// <param name="Name">A stable name: <c>parameters</c>, <c>state</c>, <c>single-use</c>, <c>issuer</c>, <c>iss</c>.</param>
/// <param name="Verdict">What it concluded.</param>
/// <param name="Explanation">Why, in one sentence (no secret in it).</param>
public sealed record CallbackCheck(string Name, CheckVerdict Verdict, string Explanation);
