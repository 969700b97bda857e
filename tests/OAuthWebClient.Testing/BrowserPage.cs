using System.Net;

namespace OAuthWebClient.Testing;

public sealed record BrowserPage(Uri Uri, HttpStatusCode Status, Uri? Location, string Html, IReadOnlyDictionary<string, string> Headers, string? ContentType);
