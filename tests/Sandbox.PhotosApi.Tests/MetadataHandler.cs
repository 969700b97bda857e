using System.Net;
using System.Text;

namespace Sandbox.PhotosApi.Tests;

/// <summary>Serves the test authority's discovery document and JWKS to the bearer handler's back-channel.</summary>
public sealed class MetadataHandler(TestAuthority authority) : HttpMessageHandler
{
    private int _requests;

    /// <summary>How many metadata requests the API made.</summary>
    public int Requests => _requests;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        var path = request.RequestUri?.AbsolutePath;
        var body = path switch
        {
            "/.well-known/openid-configuration" => authority.DiscoveryJson(),
            "/jwks" => authority.JwksJson(),
            _ => null,
        };
        var response = body is null
            ? new HttpResponseMessage(HttpStatusCode.NotFound)
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        return Task.FromResult(response);
    }
}
