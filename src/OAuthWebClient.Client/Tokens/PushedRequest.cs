namespace OAuthWebClient.Client.Tokens;

/// <summary>A pushed authorization request's answer (RFC 9126 §2.2): the <c>request_uri</c> that stands for it, and its lifetime.</summary>
internal sealed record PushedRequest(string RequestUri, TimeSpan ExpiresIn);
