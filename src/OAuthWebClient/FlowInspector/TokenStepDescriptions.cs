using OAuthWebClient.Client.Events;

namespace OAuthWebClient.FlowInspector;

/// <summary>How the token endpoint's events read on the page: each field with what it is for, secrets as the event redacted them.</summary>
internal static class TokenStepDescriptions
{
    public static TokenRequestStep Request(TokenRequestContext context) => new()
    {
        At = context.At,
        Endpoint = context.Endpoint.AbsoluteUri,
        Form = [.. context.Parameters.Select(Form)],
        ClientAuthentication = ClientAuthentication(context.ClientAuthentication, context.ClientId),
        ComputedChallenge = context.Parameters.FirstOrDefault(p => p.Name == "code_verifier")?.Secret is { } verifier ? AuthorizationRequestStep.ChallengeOf(verifier) : null,
        ClientAssertion = Jwt(context.ClientAssertion),
        DPoPProof = Jwt(context.DPoPProof),
    };

    /// <summary>A JWT the client signed, as fields: <c>header.alg</c>, …, then its claims. The event never carries the signature.</summary>
    public static IReadOnlyList<FlowField>? Jwt(Client.Events.SignedJwtView? view) => view is null ? null :
        [.. view.Header.Select(h => new FlowField("header." + h.Name, h.Display, JwtNote(h.Name))), .. view.Claims.Select(c => new FlowField(c.Name, c.Display, JwtNote(c.Name)))];

    private static string? JwtNote(string name) => name switch
    {
        "typ" => "dpop+jwt marks a DPoP proof (RFC 9449 §4.2).",
        "jwk" => "The public key the proof is signed with; the token is bound to its thumbprint (RFC 9449 §6).",
        "htm" or "htu" => "The request this proof is for: method and URL without query (RFC 9449 §4.2).",
        "ath" => "base64url(SHA-256(access token)): ties the proof to the token (RFC 9449 §4.2).",
        "nonce" => "The server's nonce (RFC 9449 §8, §9).",
        "jti" => "Unique: the server refuses a replay (RFC 7523 §3, RFC 9449 §11.1).",
        "aud" => "The authorization server (FAPI 2.0 §5.3.2.1: its issuer).",
        "iss" or "sub" => "The client_id (RFC 7523 §3).",
        _ => null,
    };

    public static TokenResponseStep Response(TokenResponseContext context) => new()
    {
        Status = context.StatusCode ?? 0,
        Latency = context.Latency,
        Fields = [.. context.Parameters.Select(Answer)],
        // Decoded to show the claims: the explicit accessor, and only the header and payload reach the page.
        IdToken = context.IdToken is { } idToken ? JwtInspection.Decode(idToken.Reveal()) : null,
        AccessToken = context.AccessToken is { } accessToken ? JwtInspection.Decode(accessToken.Reveal()) : null,
        Failure = context.Failure switch
        {
            null => null,
            TokenRequestFailure.Rejected => $"The server refused: {context.Error?.Error}.",
            TokenRequestFailure.Unreachable => $"No answer ({context.FailureReason}).",
            _ => context.FailureReason,
        },
    };

    public static FlowField Form(ProtocolParameter parameter) => parameter.Name switch
    {
        "code" => new(parameter.Name, parameter.Display, "The code from step 2, redeemed once."),
        "code_verifier" => new(parameter.Name, parameter.Display, "Proves this is the client that sent the challenge (RFC 7636 §4.5)."),
        "client_secret" => new(parameter.Name, FlowRedaction.Hidden(parameter.Secret!.Reveal()), "client_secret_post (RFC 6749 §2.3.1)."),
        "client_assertion" => new(parameter.Name, "[redacted]", "The signed assertion (RFC 7523 §2.2); its header and claims are shown below, never the token."),
        "refresh_token" => new(parameter.Name, parameter.Display, "RFC 6749 §6."),
        "token" => new(parameter.Name, parameter.Display, "The token to revoke (RFC 7009 §2.1)."),
        "redirect_uri" => new(parameter.Name, parameter.Display, "Must repeat the redirect_uri of step 1 (RFC 6749 §4.1.3)."),
        _ => new(parameter.Name, parameter.Display),
    };

    private static FlowField Answer(ProtocolParameter parameter) => parameter.Name switch
    {
        "access_token" => new(parameter.Name, parameter.Display, "Sent to the photos API as a bearer token; stays on the server (RFC 9700 §4.14)."),
        "refresh_token" => new(parameter.Name, parameter.Display, "Gets new access tokens without the user (RFC 6749 §6); stays on the server."),
        "id_token" => new(parameter.Name, parameter.Display, "Who signed in; validated before use (OIDC Core §3.1.3.7)."),
        "expires_in" => new(parameter.Name, parameter.Display, "Seconds until the access token expires; the client refreshes before that."),
        "scope" => new(parameter.Name, parameter.Display, "What was granted, which can be less than asked (RFC 6749 §3.3)."),
        "token_type" => new(parameter.Name, parameter.Display, "Bearer (RFC 6750), or DPoP: sent only with a proof of the session's key (RFC 9449 §7)."),
        "request_uri" => new(parameter.Name, parameter.Display, "Stands for the pushed request; the browser carries only this and client_id (RFC 9126 §2.2)."),
        _ => new(parameter.Name, parameter.Display),
    };

    private static FlowField ClientAuthentication(string method, string clientId) => method switch
    {
        "client_secret_basic" => new("client_secret_basic", "Authorization: Basic [redacted]",
            $"HTTP Basic with client_id \"{clientId}\" and the client secret, each form-url-encoded first (RFC 6749 §2.3.1)."),
        "client_secret_post" => new("client_secret_post", "client_id and client_secret in the form", "RFC 6749 §2.3.1; Basic is preferred."),
        "private_key_jwt" => new("private_key_jwt", "client_assertion: a JWT signed with the client's private key",
            "RFC 7523 §2.2: no shared secret; the server verifies it with the public key the client registered (its claims are below, its signature is not shown)."),
        _ => new("none", "client_id only", "A public client: PKCE alone protects the code (RFC 7636)."),
    };
}
