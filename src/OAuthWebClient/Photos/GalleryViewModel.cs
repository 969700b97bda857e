namespace OAuthWebClient.Photos;

public sealed record GalleryViewModel(IReadOnlyList<Photo> Photos, bool PermissionMissing);
