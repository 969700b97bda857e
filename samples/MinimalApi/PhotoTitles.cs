namespace MinimalApi;

/// <summary>The photos API as this app uses it. The user access token handler adds the bearer token.</summary>
public sealed class PhotoTitles(HttpClient http)
{
    /// <summary>The titles of the signed-in person's photos (<c>GET /photos</c>).</summary>
    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        var photos = await http.GetFromJsonAsync<Photo[]>(new Uri("photos", UriKind.Relative), cancellationToken);
        return [.. (photos ?? []).Select(photo => photo.Title)];
    }

    private sealed record Photo(string Title);
}
