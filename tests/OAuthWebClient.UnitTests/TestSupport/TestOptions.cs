using OAuthWebClient.Client;
using OAuthWebClient.Testing;

namespace OAuthWebClient.UnitTests.TestSupport;

internal static class TestOptions
{
    public const string Issuer = "https://as.example";
    public const string ClientId = "photo-app";
    public const string AuthorizePath = "/authorize";
    public const string TokenPath = "/token";
    public const string JwksPath = "/jwks";
    public const string RevokePath = "/revoke";

    /// <summary>A fixed instant far from the real clock, so nothing can pass by accident on wall-clock time.</summary>
    public static readonly DateTimeOffset Start = new(2031, 3, 14, 9, 0, 0, TimeSpan.Zero);

    public static readonly Uri AuthorizationEndpoint = new(Issuer + AuthorizePath);
    public static readonly Uri TokenEndpoint = new(Issuer + TokenPath);
    public static readonly Uri JwksUri = new(Issuer + JwksPath);
    public static readonly Uri RevocationEndpoint = new(Issuer + RevokePath);

    /// <summary>The scripted server at <see cref="Issuer"/>; tests route the paths they drive with <c>On</c>.</summary>
    public static ScriptedAuthorizationServer Server() => new(Issuer + "/");

    /// <summary>Options for a server configured by hand ("from the docs"): no metadata document is fetched.</summary>
    public static OAuthClientOptions Manual(Action<OAuthClientOptions>? configure = null)
    {
        var options = new OAuthClientOptions
        {
            ClientId = ClientId,
            Endpoints =
            {
                Issuer = Issuer,
                AuthorizationEndpoint = AuthorizationEndpoint,
                TokenEndpoint = TokenEndpoint,
                JwksUri = JwksUri,
            },
        };
        configure?.Invoke(options);
        return options;
    }
}
