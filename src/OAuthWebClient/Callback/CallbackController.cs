using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OAuthWebClient.Errors;
using OAuthWebClient.Login;
using OAuthWebClient.Metadata;
using OAuthWebClient.OAuth;
using OAuthWebClient.Session;
using OAuthWebClient.Tokens;

namespace OAuthWebClient.Callback;

/// <summary>
/// Step 2 of the flow, at <c>OAuth:CallbackPath</c>: checks the authorization response against this browser's
/// transaction (state, iss), redeems the code over the back-channel, validates the ID token and signs in.
/// Every check happens before the token endpoint is called.
/// </summary>
public sealed class CallbackController(
    TransactionCookies transactions,
    IStateReplayCache replayCache,
    ServerMetadataProvider metadata,
    CodeRedemption redemption,
    TokenService tokenService,
    IOptions<OAuthClientOptions> options,
    ILogger<CallbackController> logger) : Controller
{
    private readonly OAuthClientOptions _options = options.Value;

    [HttpGet]
    public async Task<IActionResult> Handle(CancellationToken cancellationToken)
    {
        // No cache may keep this URL, and the code must not leak through Referer (RFC 9700 §4.2.4).
        Response.Headers.CacheControl = "no-store";
        var response = CallbackParameters.From(Request.Query);
        if (response.Duplicate is not null)
        {
            return Reject(AppError.BadCallback($"The response repeats the \"{response.Duplicate}\" parameter, which is not allowed."));
        }

        if (response.State is null)
        {
            return Reject(AppError.BadCallback("The response has no state, so it cannot be matched to a sign-in started here."));
        }

        var read = transactions.Read(HttpContext, response.State);
        transactions.Delete(HttpContext, response.State);
        if (read.Transaction is not { } transaction)
        {
            return AlreadySignedIn() ?? Reject(TransactionError(read.Status));
        }

        var transactionId = RandomValue.Fingerprint(transaction.State, 8);
        if (!await replayCache.TryConsumeAsync(RandomValue.Fingerprint(transaction.State, 43), transaction.Created + _options.TransactionLifetime, cancellationToken))
        {
            return AlreadySignedIn() ?? Reject(AppError.LoginExpired("This sign-in response has already been used. Please sign in again."));
        }

        ServerMetadata server;
        try
        {
            server = await metadata.GetAsync(cancellationToken);
        }
        catch (InvalidOperationException)
        {
            return this.ErrorPage(AppError.ServerUnreachable());
        }

        // RFC 9700 §4.4: a sign-in started for another server (or another configuration) is not finished here.
        if (!string.Equals(transaction.Issuer, server.Issuer, StringComparison.Ordinal))
        {
            return Reject(AppError.BadCallback("This sign-in was started for a different authorization server than the one configured now."));
        }

        if (CheckIssuer(response.Iss, transaction.Issuer, server) is { } issuerError)
        {
            return Reject(issuerError);
        }

        if (response.Error is not null)
        {
            Log.AuthorizationError(logger, response.Error, transactionId);
            return this.ErrorPage(response.Error == "access_denied"
                ? AppError.ConsentDenied(response.ErrorDescription)
                : AppError.AuthorizationFailed(response.Error, response.ErrorDescription, response.ErrorUri));
        }

        if (response.Code is null)
        {
            return Reject(AppError.BadCallback("The response has neither a code nor an error."));
        }

        var outcome = await redemption.RedeemAsync(server, transaction, response.Code, cancellationToken);
        if (outcome.Error is { } error)
        {
            return this.ErrorPage(error);
        }

        await SignInAsync(outcome.Tokens!, outcome.DisplayName!, transaction.Issuer, cancellationToken);
        // App-relative: under a path prefix the PathBase goes in front.
        return LocalRedirect("~" + ReturnUrl.Sanitize(transaction.ReturnUrl));
    }

    /// <summary>RFC 9207 §2.4: iss must be the issuer the request went to; required when the server advertises it.</summary>
    private AppError? CheckIssuer(string? iss, string expectedIssuer, ServerMetadata server)
    {
        if (iss is not null)
        {
            return string.Equals(iss, expectedIssuer, StringComparison.Ordinal)
                ? null
                : AppError.BadCallback("The response names a different authorization server (iss) than the one this sign-in was sent to.");
        }

        if (!server.IssParameterSupported)
        {
            return null;
        }

        if (_options.RequireIssParameterWhenAdvertised)
        {
            return AppError.BadCallback("The response has no iss parameter, although the authorization server promises one (RFC 9207).");
        }

        Log.IssRequirementRelaxed(logger);
        return null;
    }

    private async Task SignInAsync(TokenSet tokens, string displayName, string issuer, CancellationToken cancellationToken)
    {
        // A new session id at every sign-in: no session fixation. The previous session's tokens are revoked.
        if (User.GetSessionId() is { } previous)
        {
            await tokenService.RevokeAsync(previous, cancellationToken);
        }

        var sessionId = SessionClaims.NewSessionId();
        await tokenService.StoreAsync(sessionId, tokens, cancellationToken);
        await HttpContext.SignInAsync(SessionClaims.Scheme, SessionClaims.CreatePrincipal(sessionId, displayName));
        Log.SignedIn(logger, RandomValue.Fingerprint(sessionId, 8), issuer);
    }

    /// <summary>
    /// The back button onto a used callback by someone already signed in: a friendly 400 that leads home, never a
    /// second redemption (RFC 9700 §4.7: state is single use).
    /// </summary>
    private IActionResult? AlreadySignedIn() => User.GetSessionId() is not null ? Reject(AppError.AlreadySignedIn()) : null;

    private IActionResult Reject(AppError error)
    {
        Log.CallbackRejected(logger, error.Message);
        return this.ErrorPage(error);
    }

    private static AppError TransactionError(TransactionStatus status) => status switch
    {
        TransactionStatus.Expired => AppError.LoginExpired("The sign-in took too long and has expired. Please sign in again."),
        TransactionStatus.StateMismatch => AppError.BadCallback("The response's state does not match the sign-in started in this browser."),
        TransactionStatus.Unreadable => AppError.LoginExpired("This browser's sign-in record could not be read (it may have been altered). Please sign in again."),
        _ => AppError.LoginExpired("No sign-in in progress matches this response: it was already used, started in another browser, or cookies are blocked."),
    };
}
