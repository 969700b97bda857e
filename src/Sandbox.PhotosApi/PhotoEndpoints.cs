using System.Security.Claims;

namespace Sandbox.PhotosApi;

/// <summary>The <c>/photos</c> endpoints. The caller is the token's <c>sub</c> (RFC 9068 §2.2).</summary>
internal static class PhotoEndpoints
{
    public static RouteGroupBuilder MapPhotos(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/photos").RequireAuthorization(ConfigureAuthorizationOptions.PolicyName);
        group.MapGet("/", List);
        group.MapGet("/{id}", (string id, ClaimsPrincipal user, HttpContext http, PhotoCatalog catalog, PhotoImages images, ILogger<PhotoCatalog> logger)
            => Image(id, thumbnail: false, user, http, catalog, images, logger));
        group.MapGet("/{id}/thumbnail", (string id, ClaimsPrincipal user, HttpContext http, PhotoCatalog catalog, PhotoImages images, ILogger<PhotoCatalog> logger)
            => Image(id, thumbnail: true, user, http, catalog, images, logger));
        return group;
    }

    private static IResult List(ClaimsPrincipal user, PhotoCatalog catalog, ILogger<PhotoCatalog> logger)
    {
        var album = catalog.AlbumOf(Subject(user));
        logger.PhotosListed(album.Count);
        return Results.Ok(album);
    }

    private static IResult Image(
        string id, bool thumbnail, ClaimsPrincipal user, HttpContext http, PhotoCatalog catalog, PhotoImages images, ILogger logger)
    {
        // Someone else's photo is 404, not 403: the API does not reveal that it exists.
        if (catalog.Find(Subject(user), id) is not { } photo)
        {
            logger.PhotoNotFound(id);
            return Results.NotFound();
        }

        if (images.Read(photo.Id, thumbnail) is not { } bytes)
        {
            logger.ImageMissing(photo.Id, PhotoImages.ResourceName(photo.Id, thumbnail));
            return Results.NotFound();
        }

        // The image belongs to one user: shared caches must not keep it (RFC 9111 §5.2.2.7).
        http.Response.Headers.CacheControl = "private";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Bytes(bytes, "image/png");
    }

    // BearerEvents.TokenValidated refuses tokens without "sub", so it is always there past authorization.
    private static string Subject(ClaimsPrincipal user) => user.FindFirstValue("sub") ?? string.Empty;
}
