namespace OAuthWebClient.Client.Events;

/// <summary>What one check of the authorization response concluded.</summary>
public enum CheckVerdict
{
    /// <summary>The check ran and passed.</summary>
    Passed,

    /// <summary>The check ran and failed: the response was refused.</summary>
    Failed,

    /// <summary>The check does not apply to this response (e.g. no <c>iss</c>, and the server does not promise one).</summary>
    NotApplicable,
}
