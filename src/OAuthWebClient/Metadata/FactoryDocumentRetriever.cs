using Microsoft.IdentityModel.Protocols;

namespace OAuthWebClient.Metadata;

/// <summary>
/// Fetches metadata and JWKS documents with a fresh client from <see cref="IHttpClientFactory"/> per call,
/// so the long-lived configuration manager never pins one handler (and its DNS answers) forever.
/// </summary>
internal sealed class FactoryDocumentRetriever(IHttpClientFactory httpClientFactory, bool requireHttps) : IDocumentRetriever
{
    public Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        var retriever = new HttpDocumentRetriever(httpClientFactory.CreateClient(BackchannelClient.Name))
        {
            RequireHttps = requireHttps,
        };
        return retriever.GetDocumentAsync(address, cancel);
    }
}
