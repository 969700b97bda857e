namespace Sandbox.PhotosApi;

/// <summary>
/// The demo albums, keyed by the access token's <c>sub</c>: the sandbox users <c>alice</c> and <c>bob</c> have their own;
/// every other subject (e.g. a user of Keycloak or Entra ID) sees the shared demo album.
/// </summary>
/// <remarks>
/// Demo data, read-only, for the demo users every sandbox authority has (the OpenIddict sandbox and the tests'
/// oidc-provider both know alice and bob), so it is keyed by <c>sub</c> alone. A real resource server that trusts several
/// authorities keys its data by issuer and subject: a <c>sub</c> is unique only within its issuer (OIDC Core §2, RFC 9068 §2.2).
/// </remarks>
public sealed class PhotoCatalog
{
    private const int Width = 1200;
    private const int Height = 800;

    private static readonly Photo[] Alice =
    [
        new("harbour-at-dawn", "Harbour at dawn", Width, Height),
        new("lighthouse-in-fog", "Lighthouse in fog", Width, Height),
        new("old-town-rooftops", "Old town rooftops", Width, Height),
        new("sailing-regatta", "Sailing regatta", Width, Height),
    ];

    private static readonly Photo[] Bob =
    [
        new("mountain-lake", "Mountain lake", Width, Height),
        new("pine-forest-trail", "Pine forest trail", Width, Height),
        new("snowy-summit", "Snowy summit", Width, Height),
    ];

    private static readonly Photo[] Demo =
    [
        new("demo-sunset-dunes", "Sunset over dunes", Width, Height),
        new("demo-city-lights", "City lights", Width, Height),
    ];

    /// <summary>Every photo of every album (to check that each has its images).</summary>
    public static IReadOnlyList<Photo> All { get; } = [.. Alice, .. Bob, .. Demo];

    /// <summary>The album of <paramref name="subject"/>.</summary>
    public IReadOnlyList<Photo> AlbumOf(string subject) => subject switch
    {
        "alice" => Alice,
        "bob" => Bob,
        _ => Demo,
    };

    /// <summary>The photo <paramref name="id"/> if it is in the album of <paramref name="subject"/>, otherwise null.</summary>
    public Photo? Find(string subject, string id) =>
        AlbumOf(subject).FirstOrDefault(photo => string.Equals(photo.Id, id, StringComparison.Ordinal));
}
