using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using OAuthWebClient.Client.Events;

namespace OAuthWebClient.FlowInspector;

/// <summary>Step 1: the authorization request the browser was redirected with (RFC 6749 §4.1.1, RFC 7636 §4.3).</summary>
public sealed record AuthorizationRequestStep
{
    public required DateTimeOffset At { get; init; }

    /// <summary>The authorization endpoint, without the query.</summary>
    public required string Endpoint { get; init; }

    public required IReadOnlyList<FlowField> Parameters { get; init; }

    /// <summary>The parameters pushed on the back channel first (RFC 9126 §2.1); null when the request was not pushed.</summary>
    public IReadOnlyList<FlowField>? PushedParameters { get; init; }

    /// <summary>The push itself: how the client authenticated, its assertion, and the answer; null when not pushed.</summary>
    public TokenRequestStep? Push { get; init; }

    public TokenResponseStep? PushResponse { get; init; }

    /// <summary>The code_challenge as sent: public by design, shown in full.</summary>
    public string? CodeChallenge { get; init; }

    /// <summary>The code_verifier kept in the transaction cookie: its first 4 characters and its length.</summary>
    public string? CodeVerifier { get; init; }

    /// <summary>BASE64URL(SHA256(ASCII(code_verifier))) computed here again (RFC 7636 §4.2).</summary>
    public string? ComputedChallenge { get; init; }

    /// <summary>Where the client kept state, verifier and nonce until the callback.</summary>
    public string? TransactionCookie { get; init; }

    public string? ReturnUrl { get; init; }

    internal static AuthorizationRequestStep From(AuthorizationRequestContext context, TokenRequestStep? push = null, TokenResponseStep? pushResponse = null) => new()
    {
        At = context.At,
        Endpoint = context.AuthorizationEndpoint.GetLeftPart(UriPartial.Path),
        Parameters = [.. context.Parameters.Select(Describe)],
        PushedParameters = context.PushedParameters is { } pushed ? [.. pushed.Select(Describe)] : null,
        Push = context.PushedParameters is null ? null : push,
        PushResponse = context.PushedParameters is null ? null : pushResponse,
        CodeChallenge = (context.PushedParameters ?? context.Parameters).FirstOrDefault(p => p.Name == "code_challenge")?.Value,
        CodeVerifier = context.CodeVerifier.Redacted(),
        ComputedChallenge = ChallengeOf(context.CodeVerifier),
        TransactionCookie = context.TransactionCookie,
        ReturnUrl = context.ReturnUrl,
    };

    /// <summary>RFC 7636 §4.2, computed again from the verifier the event carries, to show the reader the rule holds.</summary>
    internal static string ChallengeOf(SecretValue verifier) => Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier.Reveal())));

    private static FlowField Describe(ProtocolParameter parameter) => parameter.Name switch
    {
        "response_type" => new(parameter.Name, parameter.Display, "\"code\": the authorization code flow (RFC 6749 §4.1.1)."),
        "client_id" => new(parameter.Name, parameter.Display, "This client's registration at the server."),
        "redirect_uri" => new(parameter.Name, parameter.Display, "Where the server sends the browser back; must match the registration exactly (RFC 9700 §4.1.1)."),
        "scope" => new(parameter.Name, parameter.Display, "What the client asks to be allowed (RFC 6749 §3.3)."),
        "state" => new(parameter.Name, parameter.Display, "Random and bound to this browser: the callback must return it unchanged (RFC 6749 §10.12)."),
        "nonce" => new(parameter.Name, parameter.Display, "Random; must come back inside the ID token (OIDC Core §3.1.2.1)."),
        "code_challenge" => new(parameter.Name, parameter.Display, "BASE64URL(SHA256(code_verifier)): public by design, shown in full (RFC 7636 §4.2)."),
        "code_challenge_method" => new(parameter.Name, parameter.Display, "S256 only; \"plain\" would expose the verifier (RFC 9700 §2.1.1)."),
        "request_uri" => new(parameter.Name, parameter.Display, "Stands for the pushed request: nothing else travels through the browser (RFC 9126 §4)."),
        _ => new(parameter.Name, parameter.Display),
    };
}
