using OAuthWebClient.OAuth;

namespace OAuthWebClient.Login;

/// <summary>
/// The link that starts a sign-in at <c>OAuth:LoginPath</c> and comes back to <paramref name="returnUrl"/>. Both are
/// app-relative (no PathBase): a redirect or a view puts the PathBase in front (<c>~</c> + link, or
/// <c>Request.PathBase</c> + link), so the app works under a path prefix too.
/// </summary>
public static class SignInLink
{
    public static string To(OAuthClientOptions options, string returnUrl, string? stepUp = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.LoginPath + "?returnUrl=" + Uri.EscapeDataString(returnUrl) + (stepUp is null ? "" : "&stepUp=" + Uri.EscapeDataString(stepUp));
    }

    /// <summary>This request's page, app-relative: where to come back after sign-in.</summary>
    public static string Here(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Path + request.QueryString;
    }
}
