using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OAuthWebClient.Client;
using OAuthWebClient.Client.Assertions;
using OAuthWebClient.Client.ProofOfPossession;
using OAuthWebClient.Client.Events;
using OAuthWebClient.Client.Tokens;

namespace OAuthWebClient.UnitTests.TestSupport;

/// <summary>What the library's internals take besides the thing under test: no event subscribers, and a call's correlation.</summary>
internal static class TestCalls
{
    public static EventDispatcher NoEvents { get; } = new([], TimeProvider.System, NullLogger<EventDispatcher>.Instance);

    public static TokenCall Code(Uri endpoint, DPoPKey? proof = null) => new(TokenRequestKind.AuthorizationCode, endpoint, null, TestOptions.Issuer, OAuthClientDefaults.DefaultProvider, TransactionId: "tx", Proof: proof);

    public static TokenCall Refresh(Uri endpoint, DPoPKey? proof = null) => new(TokenRequestKind.RefreshToken, endpoint, null, TestOptions.Issuer, OAuthClientDefaults.DefaultProvider, SessionKey: "session", Proof: proof);

    public static TokenCall Revocation(Uri endpoint) => new(TokenRequestKind.Revocation, endpoint, null, TestOptions.Issuer, OAuthClientDefaults.DefaultProvider, SessionKey: "session");

    /// <summary>The token endpoint client as the library wires it: client authentication, DPoP proofs and nonces included.</summary>
    public static TokenEndpointClient TokenEndpoint(HttpClient http, TimeProvider time, IOptions<OAuthClientOptions> options, EventDispatcher? events = null, DPoPNonces? nonces = null) =>
        new(http, events ?? NoEvents, time, options, Authenticator(options, time), new DPoPProofFactory(time), nonces ?? new DPoPNonces(), NullLogger<TokenEndpointClient>.Instance);

    public static ClientAuthenticator Authenticator(IOptions<OAuthClientOptions> options, TimeProvider time) =>
        new(options, new ClientAssertionFactory(new ClientAssertionKeys(options, time), options, time));

    public static TokenCall SignIn { get; } = Code(TestOptions.TokenEndpoint);
}
