namespace OAuthWebClient.Client.Login;

/// <summary>
/// The <c>login_hint</c> a sign-in request may pass on (OIDC Core §3.1.2.1). It comes from the browser, so it is
/// bounded: at most <see cref="MaxLength"/> characters and no control characters, or it is not sent at all.
/// </summary>
internal static class LoginHint
{
    public const int MaxLength = 256;

    /// <summary>The hint to send, or null when there is none or it is refused (<paramref name="refused"/> then says so).</summary>
    public static string? Accept(string? hint, out bool refused)
    {
        refused = false;
        if (string.IsNullOrWhiteSpace(hint))
        {
            return null;
        }

        if (hint.Length > MaxLength || hint.Any(char.IsControl))
        {
            refused = true;
            return null;
        }

        return hint.Trim();
    }
}
