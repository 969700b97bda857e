namespace OAuthWebClient.Client.Claims;

/// <summary>Start-up checks of the claim settings (<see cref="OAuthClientOptions.NameClaim"/> and the others), reported with the rest.</summary>
internal static class ClaimRules
{
    public static void Check(List<string> problems, OAuthClientOptions options)
    {
        if (string.IsNullOrEmpty(options.NameClaim))
        {
            problems.Add("OAuth:NameClaim is empty: name the claim that holds the user's name (default \"name\").");
        }

        CheckPath(problems, "OAuth:NameClaim", options.NameClaim);
        CheckPath(problems, "OAuth:EmailClaim", options.EmailClaim);
        CheckPath(problems, "OAuth:RoleClaim", options.RoleClaim);
        if (options.UseUserInfo && !options.RequestsOpenId)
        {
            problems.Add("OAuth:UseUserInfo is true but OAuth:Scope does not request openid: the UserInfo endpoint is part of OpenID Connect (OIDC Core §5.3).");
        }
    }

    private static void CheckPath(List<string> problems, string key, string? path)
    {
        if (!string.IsNullOrEmpty(path) && ClaimPath.Problem(path) is { } problem)
        {
            problems.Add($"{key} \"{path}\" {problem}: use a claim name, or a dotted path such as \"realm_access.roles\".");
        }
    }
}
