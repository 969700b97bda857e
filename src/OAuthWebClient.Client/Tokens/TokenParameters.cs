namespace OAuthWebClient.Client.Tokens;

/// <summary>
/// The optional parameters of the code and refresh token requests: one <c>resource</c> per indicator (RFC 8707 §2:
/// the resource the tokens are for, on every token request), then the configured additional parameters.
/// </summary>
internal static class TokenParameters
{
    public static IReadOnlyList<KeyValuePair<string, string>> For(OAuthClientOptions options) =>
    [
        .. options.Resource.Select(r => KeyValuePair.Create("resource", r.OriginalString)),
        .. options.AdditionalTokenParameters.Where(p => !string.IsNullOrEmpty(p.Value)),
    ];
}
