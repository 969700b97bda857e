namespace OAuthWebClient.Client.Events;

/// <summary>Why a token endpoint call brought no tokens.</summary>
public enum TokenRequestFailure
{
    /// <summary>The server answered with an OAuth error (RFC 6749 §5.2), e.g. <c>invalid_grant</c>.</summary>
    Rejected,

    /// <summary>The answer is not a valid token response: not JSON, wrong types, too large, a redirect, a 5xx page.</summary>
    Malformed,

    /// <summary>No answer: timeout, refused connection, DNS failure.</summary>
    Unreachable,
}
