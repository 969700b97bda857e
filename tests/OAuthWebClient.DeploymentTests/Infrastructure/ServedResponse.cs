namespace OAuthWebClient.DeploymentTests.Infrastructure;

/// <summary>A response through nginx: its URL, status, and the instance that served it (<c>127.0.0.1:{port}</c>, or none).</summary>
public sealed record ServedResponse(Uri Url, int Status, string? Upstream);
