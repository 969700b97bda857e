using Microsoft.Extensions.Options;
using OAuthWebClient.Client.Events;
using OAuthWebClient.Client.Login;
using OAuthWebClient.Client.Metadata;


namespace OAuthWebClient.Client.Callback;

/// <summary>
/// Step 2 of the flow, at <c>OAuth:CallbackPath</c>: checks the authorization response against this browser's
/// transaction (state, single use, iss), redeems the code over the back-channel, validates the ID token and signs in.
/// Every check happens before the token endpoint is called.
/// </summary>
internal sealed class CallbackHandler(
    TransactionCookies transactions,
    IStateReplayCache replayCache,
    [FromKeyedServices] ServerMetadataProvider metadata,
    [FromKeyedServices] CodeRedemption redemption,
    SessionSignIn sessionSignIn,
    EventDispatcher events,
    [FromKeyedServices] IOptions<OAuthClientOptions> options,
    ILogger<CallbackHandler> logger,
    [ServiceKey] string provider)
{
    private readonly OAuthClientOptions _options = options.Value;

    public async Task<SignInResult> CompleteAsync(HttpContext context, CancellationToken cancellationToken)
    {
        // No cache may keep this URL, and the code must not leak through Referer (RFC 9700 §4.2.4).
        context.Response.Headers.CacheControl = "no-store";
        var response = CallbackParameters.From(context.Request.Query);
        var transactionId = response.State is null ? null : RandomValue.Fingerprint(response.State, 8);
        var checks = new CallbackChecks();
        var (transaction, server) = await CheckAsync(context, response, checks, cancellationToken);
        if (events.IsActive)
        {
            await events.RaiseAsync(new CallbackReceivedContext
            {
                HttpContext = context,
                At = events.Now,
                TransactionId = transactionId,
                Provider = provider,
                Parameters = response.Describe(context.Request.Query),
                Checks = checks.All,
                Failure = checks.Failure,
            }, (s, c) => s.CallbackReceived(c));
        }

        if (checks.Failure is { } refused)
        {
            return await FailedAsync(context, transactionId, refused);
        }

        var redeemed = await redemption.RedeemAsync(context, server!, transaction!, response.Code!, cancellationToken);
        if (redeemed.Failure is { } failure)
        {
            return await FailedAsync(context, transactionId, failure);
        }

        var returnUrl = ReturnUrl.Sanitize(transaction!.ReturnUrl);
        await sessionSignIn.SignInAsync(context, redeemed.Tokens!, redeemed.DisplayName!, transactionId!, returnUrl, cancellationToken);
        return SignInResult.SignedIn(returnUrl, redeemed.DisplayName!);
    }

    private async Task<(AuthorizationTransaction?, ServerMetadata?)> CheckAsync(HttpContext context, CallbackParameters response, CallbackChecks checks, CancellationToken cancellationToken)
    {
        if (response.Duplicate is not null)
        {
            checks.Fail("parameters", $"\"{response.Duplicate}\" appears more than once (RFC 6749 §3.1).",
                SignInFailureReason.MalformedResponse, $"The response repeats the \"{response.Duplicate}\" parameter, which is not allowed.");
            return Rejected(checks);
        }

        checks.Pass("parameters", "Each parameter appears at most once (RFC 6749 §3.1).");
        if (response.State is null)
        {
            checks.Fail("state", "The response has no state, so it cannot belong to a sign-in started in this browser.",
                SignInFailureReason.MalformedResponse, "The response has no state, so it cannot be matched to a sign-in started here.");
            return Rejected(checks);
        }

        var read = transactions.Read(context, response.State);
        transactions.Delete(context, response.State);
        if (!checks.State(read))
        {
            return Rejected(checks);
        }

        var transaction = read.Transaction!;
        if (!await replayCache.TryConsumeAsync(RandomValue.Fingerprint(transaction.State, 43), transaction.Created + _options.TransactionLifetime, cancellationToken))
        {
            checks.Fail("single-use", "This state was already used (RFC 9700 §4.7: single use).",
                SignInFailureReason.ResponseReplayed, "This sign-in response has already been used. Please sign in again.");
            return Rejected(checks);
        }

        checks.Pass("single-use", "First use of this state (RFC 9700 §4.7).");

        // RFC 9700 §4.4.2: each provider has its own redirect URI, so a response for one provider arriving at another's is
        // a mix-up (or a mistake), even from a server that sends no iss.
        if (!string.Equals(transaction.Provider, provider, StringComparison.Ordinal))
        {
            checks.Fail("provider", $"This sign-in was started with provider \"{transaction.Provider}\" but came back at the redirect URI of \"{provider}\".",
                SignInFailureReason.ProviderMismatch, "This sign-in response arrived at another provider's address than the one it was started with.");
            return Rejected(checks);
        }

        checks.Pass("provider", $"The response came back at the redirect URI of provider \"{provider}\", which started it (RFC 9700 §4.4.2).");
        ServerMetadata server;
        try
        {
            server = await metadata.GetAsync(cancellationToken);
        }
        catch (InvalidOperationException)
        {
            checks.Refuse(new SignInFailure { Reason = SignInFailureReason.ServerUnavailable, Message = "The authorization server's metadata could not be loaded." });
            return (null, null);
        }

        // RFC 9700 §4.4: a sign-in started for another server (or another configuration) is not finished here.
        if (!string.Equals(transaction.Issuer, server.Issuer, StringComparison.Ordinal))
        {
            checks.Fail("issuer", $"This sign-in was sent to \"{transaction.Issuer}\", but the configured server is now \"{server.Issuer}\".",
                SignInFailureReason.IssuerChanged, "This sign-in was started for a different authorization server than the one configured now.");
            return Rejected(checks);
        }

        if (!checks.Iss(response.Iss, transaction.Issuer, server, _options.RequireIssParameterWhenAdvertised, requireAlways: _options.IsFapi2))
        {
            return Rejected(checks);
        }

        if (response.Iss is null && server.IssParameterSupported)
        {
            Log.IssRequirementRelaxed(logger);
        }

        if (response.Error is not null)
        {
            Log.AuthorizationError(logger, response.Error, RandomValue.Fingerprint(transaction.State, 8));
            checks.Refuse(new SignInFailure
            {
                Reason = response.Error == "access_denied" ? SignInFailureReason.AccessDenied : SignInFailureReason.AuthorizationError,
                Message = response.Error == "access_denied" ? "Access was not allowed, so no one is signed in." : "The authorization server returned an error instead of signing in.",
                Error = new ProtocolError(response.Error, response.ErrorDescription, response.ErrorUri),
            });
            return (null, null);
        }

        if (response.Code is null)
        {
            checks.Fail("parameters", "The response has neither a code nor an error (RFC 6749 §4.1.2).",
                SignInFailureReason.MalformedResponse, "The response has neither a code nor an error.");
            return Rejected(checks);
        }

        return (transaction, server);
    }

    private (AuthorizationTransaction?, ServerMetadata?) Rejected(CallbackChecks checks)
    {
        Log.CallbackRejected(logger, checks.Failure!.Message);
        return (null, null);
    }

    private async Task<SignInResult> FailedAsync(HttpContext context, string? transactionId, SignInFailure failure)
    {
        if (events.IsActive)
        {
            await events.RaiseAsync(new SignInFailedContext { HttpContext = context, At = events.Now, TransactionId = transactionId, Provider = provider, Failure = failure }, (s, c) => s.SignInFailed(c));
        }

        return SignInResult.Failed(failure);
    }
}
