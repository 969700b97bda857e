namespace OAuthWebClient.Testing;

public sealed record RecordedRequest(string Method, Uri Uri, string? Authorization, string? Body);
