namespace OAuthWebClient.FlowInspector;

/// <summary>Step 3: the code redemption at the token endpoint (RFC 6749 §4.1.3, RFC 7636 §4.5).</summary>
public sealed record TokenRequestStep
{
    public required DateTimeOffset At { get; init; }

    public required string Endpoint { get; init; }

    /// <summary>The form fields, with code, verifier and secret redacted.</summary>
    public required IReadOnlyList<FlowField> Form { get; init; }

    /// <summary>How the client authenticated (RFC 6749 §2.3.1), with the credentials redacted.</summary>
    public required FlowField ClientAuthentication { get; init; }

    /// <summary>A private_key_jwt assertion's header and claims (RFC 7523 §3); never its signature.</summary>
    public IReadOnlyList<FlowField>? ClientAssertion { get; init; }

    /// <summary>The DPoP proof's header and claims (RFC 9449 §4.2); never its signature.</summary>
    public IReadOnlyList<FlowField>? DPoPProof { get; init; }

    /// <summary>BASE64URL(SHA256(code_verifier)) of the verifier sent: what the server compares with step 1's challenge (RFC 7636 §4.6).</summary>
    public string? ComputedChallenge { get; init; }
}
