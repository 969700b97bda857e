namespace OAuthWebClient.Logout;

/// <param name="ConfirmedByServer">The browser came back from the server's end-session endpoint with the state it was sent with.</param>
/// <param name="StillSignedIn">This browser still has a session here (the page was reached some other way).</param>
public sealed record SignedOutViewModel(bool ConfirmedByServer, bool StillSignedIn);
