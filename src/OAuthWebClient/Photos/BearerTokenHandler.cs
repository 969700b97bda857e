using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using OAuthWebClient.Session;
using OAuthWebClient.Tokens;

namespace OAuthWebClient.Photos;

/// <summary>
/// Adds <c>Authorization: Bearer</c> (RFC 6750 §2.1) from the token service to calls to the photos API — and
/// only to its origin. On 401 <c>invalid_token</c> it refreshes once and retries once (§3.1); a 401 that remains is
/// for <see cref="PhotosApiClient"/> to report.
/// </summary>
public sealed class BearerTokenHandler(
    IHttpContextAccessor httpContextAccessor,
    TokenService tokenService,
    IOptions<PhotosApiOptions> options) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsApiOrigin(request.RequestUri))
        {
            throw new InvalidOperationException("Refusing to send the access token to an origin other than PhotosApi:BaseAddress.");
        }

        var sessionId = httpContextAccessor.HttpContext?.User.GetSessionId()
            ?? throw new PhotosAccessException(PhotosAccessFailure.SessionMissing);
        var token = await GetTokenAsync(sessionId, rejected: null, cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized || !BearerChallenge.HasError(response, "invalid_token"))
        {
            return response;
        }

        var renewed = await GetTokenAsync(sessionId, rejected: token, cancellationToken);
        if (renewed == token)
        {
            return response;
        }

        response.Dispose();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", renewed);
        return await base.SendAsync(request, cancellationToken);
    }

    private async Task<string> GetTokenAsync(string sessionId, string? rejected, CancellationToken cancellationToken)
    {
        var result = await tokenService.GetAccessTokenAsync(sessionId, rejected, cancellationToken);
        return result.Tokens?.AccessToken ?? throw PhotosAccessException.From(result.Status);
    }

    private bool IsApiOrigin(Uri? uri) =>
        uri is not null && options.Value.BaseAddress is { } api &&
        Uri.Compare(uri, api, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
