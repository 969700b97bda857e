namespace OAuthWebClient.FlowInspector;

/// <summary>
/// A token's readable parts: the JOSE header and the claims of a signed JWT (RFC 7519 §3) — never the signature,
/// so the decoded parts cannot be put back together into a usable token.
/// </summary>
public sealed record DecodedJwt(string Format, IReadOnlyList<FlowField> Header, IReadOnlyList<FlowField> Claims);
