using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OAuthWebClient.Client;

namespace OAuthWebClient.Photos;

/// <summary>
/// Step 4 of the flow: the gallery. Calls the photos API with the session's token and relays the images,
/// so the browser only ever talks to this app.
/// </summary>
[Authorize]
[Route("photos")]
[TypeFilter<PhotosAccessFilter>]
public sealed class PhotosController(PhotosApiClient api, IUserTokenService tokens, IOptions<PhotosApiOptions> options) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var token = await tokens.GetAccessTokenAsync(HttpContext, cancellationToken);
        if (token.Token is null)
        {
            throw new UserAccessTokenException(token.Failure!.Value);
        }

        if (!token.Token.HasScope(options.Value.RequiredScope))
        {
            // Granted scope lacks "photos" (RFC 6749 §3.3): say so instead of calling the API.
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return View(new GalleryViewModel([], PermissionMissing: true));
        }

        return View(new GalleryViewModel(await api.ListAsync(cancellationToken), PermissionMissing: false));
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Details(string id, CancellationToken cancellationToken)
    {
        var photo = IsValidId(id) ? (await api.ListAsync(cancellationToken)).FirstOrDefault(p => p.Id == id) : null;
        return photo is null ? NotFound() : View(photo);
    }

    [HttpGet("{id}/image")]
    public Task<IActionResult> Image(string id, CancellationToken cancellationToken) => RelayAsync(id, thumbnail: false, cancellationToken);

    [HttpGet("{id}/thumbnail")]
    public Task<IActionResult> Thumbnail(string id, CancellationToken cancellationToken) => RelayAsync(id, thumbnail: true, cancellationToken);

    private async Task<IActionResult> RelayAsync(string id, bool thumbnail, CancellationToken cancellationToken)
    {
        var image = IsValidId(id) ? await api.GetImageAsync(id, thumbnail, cancellationToken) : null;
        if (image is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, max-age=300";
        return File(image.Content, image.ContentType);
    }

    private static bool IsValidId(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
