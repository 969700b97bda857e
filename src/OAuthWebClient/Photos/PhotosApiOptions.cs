namespace OAuthWebClient.Photos;

/// <summary>Where the photos API is, bound from the <c>PhotosApi</c> section.</summary>
public sealed class PhotosApiOptions
{
    public const string SectionName = "PhotosApi";

    /// <summary>The API's base address. The access token is only ever sent to this origin. Empty: the embedded sandbox's.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The scope the API requires. Default: <c>photos</c>.</summary>
    public string RequiredScope { get; set; } = "photos";

    /// <summary>Timeout of one API call. Default: 10 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
