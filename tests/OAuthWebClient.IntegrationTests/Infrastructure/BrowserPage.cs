using System.Net;

namespace OAuthWebClient.IntegrationTests.Infrastructure;

public sealed record BrowserPage(Uri Uri, HttpStatusCode Status, Uri? Location, string Html, IReadOnlyDictionary<string, string> Headers, string? ContentType);
