namespace Sandbox.PhotosApi;

/// <summary>One photo as listed by <c>GET /photos</c>; width and height are those of the full image.</summary>
public sealed record Photo(string Id, string Title, int Width, int Height);
