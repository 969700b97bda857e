namespace OAuthWebClient.Client.Protocol;

/// <summary>
/// Absolute redirect URIs for this app: <c>OAuth:PublicOrigin</c> when set, otherwise the request's scheme and
/// host, which host filtering (<c>AllowedHosts</c>) restricts to known names (RFC 9700 §4.1).
/// </summary>
internal static class RedirectUris
{
    public static string For(HttpContext context, OAuthClientOptions options, string path)
    {
        var origin = options.PublicOrigin is { } configured
            ? configured.GetLeftPart(UriPartial.Authority)
            : $"{context.Request.Scheme}://{context.Request.Host.ToUriComponent()}";
        return origin + context.Request.PathBase.ToUriComponent() + path;
    }
}
