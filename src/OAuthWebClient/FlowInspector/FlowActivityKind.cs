namespace OAuthWebClient.FlowInspector;

/// <summary>What happened after the sign-in (step 5 of the timeline).</summary>
public enum FlowActivityKind
{
    /// <summary>A refresh token grant (RFC 6749 §6).</summary>
    Refresh,

    /// <summary>A call to the photos API with the bearer token (RFC 6750 §2.1).</summary>
    ApiCall,

    /// <summary>A token revocation at sign-out (RFC 7009 §2.1).</summary>
    Revocation,

    /// <summary>The callback URL visited again (back button, reload): no second code redemption.</summary>
    CallbackRevisited,
}
