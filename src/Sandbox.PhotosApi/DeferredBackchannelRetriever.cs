using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Protocols;

namespace Sandbox.PhotosApi;

/// <summary>
/// Fetches the discovery document and JWKS through <see cref="JwtBearerOptions.Backchannel"/> or
/// <see cref="JwtBearerOptions.BackchannelHttpHandler"/>, read at the first fetch rather than at configuration time.
/// </summary>
internal sealed class DeferredBackchannelRetriever(JwtBearerOptions options) : IDocumentRetriever
{
    private readonly Lazy<HttpDocumentRetriever> _inner = new(() => Create(options));

    public Task<string> GetDocumentAsync(string address, CancellationToken cancel) =>
        _inner.Value.GetDocumentAsync(address, cancel);

    private static HttpDocumentRetriever Create(JwtBearerOptions options)
    {
        var client = options.Backchannel ?? CreateClient(options);
        return new HttpDocumentRetriever(client) { RequireHttps = options.RequireHttpsMetadata };
    }

    // Same settings as JwtBearerPostConfigureOptions; the client lives as long as the app.
    private static HttpClient CreateClient(JwtBearerOptions options)
    {
        var client = new HttpClient(options.BackchannelHttpHandler ?? new HttpClientHandler())
        {
            Timeout = options.BackchannelTimeout,
            MaxResponseContentBufferSize = 1024 * 1024 * 10,
        };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Sandbox.PhotosApi");
        return client;
    }
}
