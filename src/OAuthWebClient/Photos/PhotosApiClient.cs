using System.Net;
using System.Net.Http.Json;

namespace OAuthWebClient.Photos;

/// <summary>The typed client for the photos API; <see cref="BearerTokenHandler"/> adds the token.</summary>
public sealed class PhotosApiClient(HttpClient httpClient)
{
    private static readonly string[] ImageTypes = ["image/png", "image/jpeg", "image/webp", "image/gif"];

    public async Task<IReadOnlyList<Photo>> ListAsync(CancellationToken cancellationToken)
    {
        using var response = await httpClient.GetAsync(new Uri("photos", UriKind.Relative), cancellationToken);
        EnsureAllowed(response);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<List<Photo>>(cancellationToken) ?? [];
    }

    /// <summary>Null when the photo does not exist for this user.</summary>
    public async Task<PhotoImage?> GetImageAsync(string id, bool thumbnail, CancellationToken cancellationToken)
    {
        var path = "photos/" + Uri.EscapeDataString(id) + (thumbnail ? "/thumbnail" : "");
        using var response = await httpClient.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        EnsureAllowed(response);
        response.EnsureSuccessStatusCode();
        var contentType = response.Content.Headers.ContentType?.MediaType;
        if (contentType is null || !ImageTypes.Contains(contentType, StringComparer.OrdinalIgnoreCase))
        {
            // Only images are relayed: the browser renders them under this app's origin.
            throw new HttpRequestException("The photos API answered with something that is not an image.");
        }

        return new PhotoImage(await response.Content.ReadAsByteArrayAsync(cancellationToken), contentType);
    }

    private static void EnsureAllowed(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Forbidden && BearerChallenge.HasError(response, "insufficient_scope"))
        {
            throw new PhotosAccessException(PhotosAccessFailure.InsufficientScope) { RequiredScope = BearerChallenge.Parameter(response, "scope") };
        }

        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            // BearerTokenHandler has already refreshed and retried once for invalid_token: what is left is no longer a stale token.
            throw new PhotosAccessException(BearerChallenge.HasError(response, "invalid_token") ? PhotosAccessFailure.InvalidToken : PhotosAccessFailure.TokenRejected);
        }
    }
}
