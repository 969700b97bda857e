namespace OAuthWebClient.FlowInspector;

/// <summary>
/// The five steps of the timeline, each mapped to the README's sequence diagram (its numbered arrows), to the
/// files that perform it (repository-relative: the library under <c>src/OAuthWebClient.Client</c>, the sample under
/// <c>src/OAuthWebClient</c>), and to the specification sections it implements.
/// </summary>
public static class FlowGuide
{
    public static readonly FlowStepGuide AuthorizationRequest = new(
        "authorization-request", 1, "Authorization request",
        "The client makes a PKCE verifier, a state and a nonce, keeps them in an encrypted cookie, and redirects the browser to the authorization server with the challenge.",
        "1–4",
        ["src/OAuthWebClient/Login/LoginController.cs", "src/OAuthWebClient.Client/Login/SignInStarter.cs", "src/OAuthWebClient.Client/Login/Pkce.cs", "src/OAuthWebClient.Client/Login/AuthorizationRequest.cs", "src/OAuthWebClient.Client/Login/TransactionCookies.cs"],
        [Rfc("RFC 6749 §4.1.1", 6749, "4.1.1"), Rfc("RFC 7636 §4.2–4.3", 7636, "4.2"), OpenId("OIDC Core §3.1.2.1", "AuthRequest"), Rfc("RFC 9700 §2.1.1", 9700, "2.1.1")]);

    public static readonly FlowStepGuide Callback = new(
        "callback", 2, "Callback",
        "The server sends the browser back with a code. Before anything else, the client checks the response belongs to a sign-in started in this browser (state) and comes from the server it was sent to (iss).",
        "6–7",
        ["src/OAuthWebClient/Callback/CallbackController.cs", "src/OAuthWebClient.Client/Callback/CallbackHandler.cs", "src/OAuthWebClient.Client/Callback/CallbackChecks.cs", "src/OAuthWebClient.Client/Callback/CallbackParameters.cs", "src/OAuthWebClient.Client/IStateReplayCache.cs"],
        [Rfc("RFC 6749 §4.1.2", 6749, "4.1.2"), Rfc("RFC 6749 §10.12", 6749, "10.12"), Rfc("RFC 9207 §2.4", 9207, "2.4"), Rfc("RFC 6749 §4.1.2.1", 6749, "4.1.2.1")]);

    public static readonly FlowStepGuide TokenRequest = new(
        "token-request", 3, "Token request",
        "Over the back-channel — never through the browser — the client redeems the code with the verifier and authenticates itself.",
        "8",
        ["src/OAuthWebClient.Client/Tokens/TokenEndpointClient.cs", "src/OAuthWebClient.Client/Callback/CodeRedemption.cs"],
        [Rfc("RFC 6749 §4.1.3", 6749, "4.1.3"), Rfc("RFC 7636 §4.5–4.6", 7636, "4.5"), Rfc("RFC 6749 §2.3.1", 6749, "2.3.1")]);

    public static readonly FlowStepGuide TokenResponse = new(
        "token-response", 4, "Token response",
        "The tokens come back, the ID token is validated, and everything is stored on the server under a new session id. The browser only gets a session cookie.",
        "9–10",
        ["src/OAuthWebClient.Client/Tokens/TokenResponseParser.cs", "src/OAuthWebClient.Client/Tokens/IdTokenValidator.cs", "src/OAuthWebClient.Client/ITokenStore.cs", "src/OAuthWebClient.Client/Callback/SessionSignIn.cs"],
        [Rfc("RFC 6749 §5.1", 6749, "5.1"), OpenId("OIDC Core §3.1.3.7", "IDTokenValidation"), Rfc("RFC 9068 §2", 9068, "2"), Rfc("RFC 9700 §4.14", 9700, "4.14")]);

    public static readonly FlowStepGuide Since = new(
        "since", 5, "Refreshes and API calls since",
        "Each photos API call carries the access token from the server-side store; shortly before it expires the client refreshes it, and at sign-out revokes it.",
        "11–16",
        ["src/OAuthWebClient.Client/Tokens/UserTokenService.cs", "src/OAuthWebClient.Client/Tokens/RefreshCoordinator.cs", "src/OAuthWebClient.Client/Tokens/TokenRefresher.cs", "src/OAuthWebClient.Client/Api/UserAccessTokenHandler.cs", "src/OAuthWebClient/Photos/PhotosApiClient.cs", "src/OAuthWebClient.Client/Logout/SignOutHandler.cs"],
        [Rfc("RFC 6749 §6", 6749, "6"), Rfc("RFC 9700 §4.14.2", 9700, "4.14.2"), Rfc("RFC 6750 §2.1", 6750, "2.1"), Rfc("RFC 7009 §2.1", 7009, "2.1")]);

    public static IReadOnlyList<FlowStepGuide> Steps { get; } = [AuthorizationRequest, Callback, TokenRequest, TokenResponse, Since];

    /// <summary>The only files <c>/flow/source/…</c> will show.</summary>
    public static IReadOnlySet<string> SourceFiles { get; } = Steps.SelectMany(s => s.Files).ToHashSet(StringComparer.Ordinal);

    /// <summary>The repository root, relative to the app's content root (<c>src/OAuthWebClient</c> under <c>dotnet run</c>).</summary>
    public const string RepositoryRoot = "../..";

    private static FlowReference Rfc(string text, int number, string section) =>
        new(text, $"https://www.rfc-editor.org/rfc/rfc{number}#section-{section}");

    private static FlowReference OpenId(string text, string anchor) =>
        new(text, "https://openid.net/specs/openid-connect-core-1_0.html#" + anchor);
}
