namespace OAuthWebClient.Photos;

/// <summary>One entry of <c>GET /photos</c>.</summary>
public sealed record Photo(string Id, string Title, int Width, int Height);
