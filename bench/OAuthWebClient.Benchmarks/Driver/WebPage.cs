using System.Net;

namespace OAuthWebClient.Benchmarks.Driver;

/// <summary>A page the minimal browser received: where, the status, the redirect target, the body.</summary>
internal sealed record WebPage(Uri Uri, HttpStatusCode Status, Uri? Location, string Html);
