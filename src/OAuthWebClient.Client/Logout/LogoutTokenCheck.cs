namespace OAuthWebClient.Client.Logout;

/// <summary>Outcome of <see cref="LogoutTokenValidator"/>: the token's claims, or the typed refusal to answer with.</summary>
internal sealed record LogoutTokenCheck(LogoutToken? Token, BackchannelLogoutResult? Refusal)
{
    public static LogoutTokenCheck Invalid(string description) => new(null, BackchannelLogoutResult.Failed(BackchannelLogoutFailure.InvalidToken, description));
}
