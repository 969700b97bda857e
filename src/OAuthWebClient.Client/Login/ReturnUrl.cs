namespace OAuthWebClient.Client.Login;

/// <summary>
/// Keeps return URLs on this site: RFC 9700 §4.11 (no open redirector). Anything that is not a plain local
/// path becomes "/".
/// </summary>
internal static class ReturnUrl
{
    public const string Home = "/";

    public static string Sanitize(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Length > 2048 || returnUrl[0] != '/')
        {
            return Home;
        }

        // "//host" and "/\host" are scheme-relative URLs to another site in browsers.
        if (returnUrl.Length > 1 && (returnUrl[1] == '/' || returnUrl[1] == '\\'))
        {
            return Home;
        }

        // Control characters and backslashes are normalised away (or into "/") by browsers.
        foreach (var c in returnUrl)
        {
            if (char.IsControl(c) || c == '\\')
            {
                return Home;
            }
        }

        return returnUrl;
    }
}
