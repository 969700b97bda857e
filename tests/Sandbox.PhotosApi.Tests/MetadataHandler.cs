using System.Net;
using System.Text;

namespace Sandbox.PhotosApi.Tests;

/// <summary>Serves each test authority's discovery document and JWKS, at its own origin, to the bearer handlers' back-channel.</summary>
public sealed class MetadataHandler(params TestAuthority[] authorities) : HttpMessageHandler
{
    private int _requests;

    /// <summary>How many metadata requests the API made.</summary>
    public int Requests => _requests;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        var origin = request.RequestUri?.GetLeftPart(UriPartial.Authority);
        var authority = authorities.FirstOrDefault(a => new Uri(a.Issuer).GetLeftPart(UriPartial.Authority) == origin);
        var body = request.RequestUri?.AbsolutePath switch
        {
            "/.well-known/openid-configuration" => authority?.DiscoveryJson(),
            "/jwks" => authority?.JwksJson(),
            _ => null,
        };
        var response = body is null
            ? new HttpResponseMessage(HttpStatusCode.NotFound)
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        return Task.FromResult(response);
    }
}
