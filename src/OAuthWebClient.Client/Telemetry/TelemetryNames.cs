namespace OAuthWebClient.Client.Telemetry;

/// <summary>The fixed span names, attribute keys and outcome values (the README lists them); nothing else is ever recorded.</summary>
internal static class TelemetryNames
{
    public const string LoginSpan = "oauth.login";
    public const string PushedAuthorizationSpan = "oauth.pushed_authorization";
    public const string CallbackSpan = "oauth.callback";
    public const string TokenRequestSpan = "oauth.token_request";
    public const string SignInSpan = "oauth.sign_in";
    public const string RefreshSpan = "oauth.refresh";
    public const string RefreshLeaseWaitSpan = "oauth.refresh_lease_wait";
    public const string RevocationSpan = "oauth.revocation";
    public const string ApiCallSpan = "oauth.api_call";

    public const string Provider = "oauth.provider";
    public const string GrantType = "oauth.grant_type";
    public const string Outcome = "oauth.outcome";
    public const string FailureReason = "oauth.failure_reason";
    public const string FailedCheck = "oauth.callback.failed_check";
    public const string Pushed = "oauth.pushed";
    public const string Rotated = "oauth.rotated";
    public const string LeaseWaited = "oauth.lease_waited";
    public const string PeerRefreshed = "oauth.peer_refreshed";
    public const string Retried = "oauth.retried";
    public const string StatusCode = "http.response.status_code";
    public const string Method = "http.request.method";
    public const string ServerAddress = "server.address";
    public const string ServerPort = "server.port";

    public const string Success = "success";
    public const string Failure = "failure";
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
    public const string Kept = "kept";
}
