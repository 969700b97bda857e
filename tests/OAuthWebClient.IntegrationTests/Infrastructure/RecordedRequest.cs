namespace OAuthWebClient.IntegrationTests.Infrastructure;

public sealed record RecordedRequest(string Method, Uri Uri, string? Authorization, string? Body);
