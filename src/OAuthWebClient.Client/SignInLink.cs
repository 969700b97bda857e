namespace OAuthWebClient.Client;

/// <summary>
/// The link that starts a sign-in at <see cref="OAuthClientOptions.LoginPath"/> and comes back to a page. Both are
/// app-relative (no PathBase): a redirect or a view puts the PathBase in front, so the app works under a path prefix too.
/// </summary>
public static class SignInLink
{
    /// <summary><c>{LoginPath}?returnUrl=…</c>.</summary>
    public static string To(OAuthClientOptions options, string returnUrl)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.LoginPath + "?returnUrl=" + Uri.EscapeDataString(returnUrl);
    }

    /// <summary>This request's page, app-relative: where to come back after sign-in.</summary>
    public static string Here(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Path + request.QueryString;
    }
}
