namespace OAuthWebClient.Client;

/// <summary>An OAuth error response (RFC 6749 §4.1.2.1, §5.2), as the server sent it: untrusted text, to be escaped when shown.</summary>
/// <param name="Error">The <c>error</c> code, e.g. <c>access_denied</c> or <c>invalid_grant</c>.</param>
/// <param name="Description">The <c>error_description</c>, if any.</param>
/// <param name="Uri">The <c>error_uri</c>, if any (never to be rendered as a link).</param>
public sealed record ProtocolError(string Error, string? Description = null, string? Uri = null);
