using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OAuthWebClient.Client;

namespace OAuthWebClient.Photos;

/// <summary>
/// The typed client for the photos API; the library's user access token handler adds the token (and turns a refusal into
/// <see cref="OAuthWebClient.Client.UserAccessTokenException"/>). Each call is bounded as a
/// whole — the body too, which is read after the resilience pipeline has returned — in time (<c>PhotosApi:Timeout</c>
/// × 3 + 1 s, the pipeline's total plus a margin) and in size.
/// </summary>
public sealed class PhotosApiClient(HttpClient httpClient, IOptions<PhotosApiOptions> options)
{
    private const int MaxListBytes = 1024 * 1024;
    private const int MaxImageBytes = 16 * 1024 * 1024;
    private static readonly string[] ImageTypes = ["image/png", "image/jpeg", "image/webp", "image/gif"];
    private readonly TimeSpan _timeout = options.Value.Timeout * 3 + TimeSpan.FromSeconds(1);

    public async Task<IReadOnlyList<Photo>> ListAsync(CancellationToken cancellationToken)
    {
        using var deadline = BackchannelHttp.Deadline(_timeout, cancellationToken);
        using var response = await httpClient.GetAsync(new Uri("photos", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        response.EnsureSuccessStatusCode();
        var body = await ReadAsync(response, MaxListBytes, deadline.Token);
        var photos = JsonSerializer.Deserialize<List<Photo?>>(body.Span, JsonSerializerOptions.Web) ?? [];
        // Every entry needs an id and a title before a page links to it: a hostile list is "unreachable", not a 500.
        return photos.Any(photo => photo is null || string.IsNullOrEmpty(photo.Id) || photo.Title is null)
            ? throw new JsonException("The photos API listed an entry without an id or a title.")
            : [.. photos.OfType<Photo>()];
    }

    /// <summary>Null when the photo does not exist for this user.</summary>
    public async Task<PhotoImage?> GetImageAsync(string id, bool thumbnail, CancellationToken cancellationToken)
    {
        var path = "photos/" + Uri.EscapeDataString(id) + (thumbnail ? "/thumbnail" : "");
        using var deadline = BackchannelHttp.Deadline(_timeout, cancellationToken);
        using var response = await httpClient.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        var contentType = response.Content.Headers.ContentType?.MediaType;
        if (contentType is null || !ImageTypes.Contains(contentType, StringComparer.OrdinalIgnoreCase))
        {
            // Only images are relayed: the browser renders them under this app's origin.
            throw new HttpRequestException("The photos API answered with something that is not an image.");
        }

        return new PhotoImage((await ReadAsync(response, MaxImageBytes, deadline.Token)).ToArray(), contentType);
    }

    private static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpResponseMessage response, int maxBytes, CancellationToken cancellationToken) =>
        await BackchannelHttp.ReadLimitedAsync(response.Content, maxBytes, cancellationToken)
            ?? throw new HttpRequestException($"The photos API answered with more than {maxBytes / 1024} KB.");
}
