namespace OAuthWebClient.Client;

/// <summary>Options of one typed client's user access token handler.</summary>
public sealed class UserAccessTokenHandlerOptions
{
    /// <summary>
    /// The origins (scheme, host, port) the access token may be sent to. Required: a request to any other origin is
    /// refused before a token is attached, so a relative URL resolved elsewhere or a redirect can never carry it away.
    /// </summary>
    public IList<Uri> AllowedOrigins { get; } = [];
}
