namespace OAuthWebClient.Client;

/// <summary>
/// The client's registration and protocol settings, bound from the <c>OAuth</c> configuration section.
/// Validated at start: every problem is reported at once.
/// </summary>
public sealed partial class OAuthClientOptions
{
    /// <summary>The configuration section: <c>OAuth</c>.</summary>
    public const string SectionName = OAuthClientDefaults.SectionName;

    /// <summary>
    /// The authorization server's issuer identifier. Metadata is read from
    /// <c>{Authority}/.well-known/openid-configuration</c> unless <see cref="MetadataAddress"/> is set.
    /// Empty: the embedded sandbox starts and this is set to it.
    /// </summary>
    public Uri? Authority { get; set; }

    /// <summary>Metadata document address (OIDC Discovery or RFC 8414). Default: derived from <see cref="Authority"/>.</summary>
    public Uri? MetadataAddress { get; set; }

    /// <summary>Endpoints "from the docs" for a server without metadata. When set, no metadata is fetched.</summary>
    public ManualEndpoints Endpoints { get; set; } = new();

    /// <summary>The client identifier issued at registration. Required.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>The client secret. Empty for a public client (PKCE still protects the code).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Client authentication at the token endpoint. Default: <see cref="ClientAuthenticationMethod.ClientSecretBasic"/>.</summary>
    public ClientAuthenticationMethod ClientAuthentication { get; set; } = ClientAuthenticationMethod.ClientSecretBasic;

    /// <summary>Space-separated scopes. Default: <c>openid profile offline_access</c> (add the scopes your APIs need).</summary>
    public string Scope { get; set; } = "openid profile offline_access";

    /// <summary>Local path that starts a sign-in (<c>?returnUrl=…</c>). Default: <c>/account/login</c>.</summary>
    public string LoginPath { get; set; } = "/account/login";

    /// <summary>Local path of the redirect URI. Default: <c>/callback</c>.</summary>
    public string CallbackPath { get; set; } = "/callback";

    /// <summary>Local path the server returns to after RP-initiated logout. Default: <c>/account/signed-out</c>.</summary>
    public string SignedOutCallbackPath { get; set; } = "/account/signed-out";

    /// <summary>
    /// The public origin of this app (<c>https://app.example</c>), used to build the redirect URIs.
    /// Default: the request's scheme and host, which host filtering (<c>AllowedHosts</c>) must then restrict
    /// (RFC 9700 §4.1: the redirect URI must not come from an untrusted header).
    /// </summary>
    public Uri? PublicOrigin { get; set; }

    /// <summary>How long a started sign-in stays valid. Default: 10 minutes (the maximum).</summary>
    public TimeSpan TransactionLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Timeout of every back-channel call (metadata, token, revocation). Default: 10 seconds.</summary>
    public TimeSpan BackchannelTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Allowed clock difference when checking ID token times. Default: 5 minutes.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How old an ID token may be at sign-in, by its <c>iat</c> (OIDC Core §3.1.3.7 step 10: the client may reject
    /// tokens issued too far away from the current time). Default: 10 minutes (plus <see cref="ClockSkew"/>).
    /// </summary>
    public TimeSpan MaxIdTokenAge { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Refresh the access token when it expires within this window. Default: 60 seconds.</summary>
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Lifetime assumed when the token response has no <c>expires_in</c>. Default: 5 minutes.</summary>
    public TimeSpan AssumedAccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a signed-in session lasts without use. Default: 8 hours.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// ID token signing algorithms accepted (OIDC Core §3.1.3.7). Default: asymmetric only —
    /// RS256/384/512, PS256/384/512, ES256/384/512. <c>none</c> and HS* only when listed here.
    /// </summary>
    public IList<string> IdTokenSigningAlgorithms { get; set; } = [];

    /// <summary>Require https for metadata and JWKS. Default: true, except for an http loopback authority.</summary>
    public bool? RequireHttpsMetadata { get; set; }

    /// <summary>
    /// Require the RFC 9207 <c>iss</c> parameter when the server advertises
    /// <c>authorization_response_iss_parameter_supported</c>. Default: true. Set false only for a provider
    /// known to advertise it wrongly; the relaxation is logged at every callback.
    /// </summary>
    public bool RequireIssParameterWhenAdvertised { get; set; } = true;

    internal static readonly string[] DefaultIdTokenSigningAlgorithms =
        ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"];

    internal IReadOnlyList<string> EffectiveIdTokenSigningAlgorithms =>
        IdTokenSigningAlgorithms.Count > 0 ? [.. IdTokenSigningAlgorithms] : IsFapi2 ? Fapi2Algorithms : DefaultIdTokenSigningAlgorithms;

    internal bool EffectiveRequireHttpsMetadata =>
        RequireHttpsMetadata ?? !(Authority is { Scheme: "http", IsLoopback: true } || IsManualLoopback());

    internal bool HasManualEndpoints => Endpoints.AuthorizationEndpoint is not null;

    internal IReadOnlyList<string> Scopes => Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    internal bool RequestsOpenId => Scopes.Contains("openid", StringComparer.Ordinal);

    private bool IsManualLoopback() => Endpoints.AuthorizationEndpoint is { Scheme: "http", IsLoopback: true };
}
