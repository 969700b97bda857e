namespace OAuthWebClient.Benchmarks.Driver;

/// <summary>One running client under test: ours (OAuthWebClient) or the peer (AddOpenIdConnect).</summary>
internal sealed record ClientApp(string Name, bool IsOurs, Uri Origin, ChildProcess Process)
{
    /// <summary>Where the authorization response goes.</summary>
    public string CallbackPath => IsOurs ? "/callback" : "/signin-oidc";

    public Uri LoginStart => new(Origin, "/account/login?returnUrl=%2Fphotos");
}
