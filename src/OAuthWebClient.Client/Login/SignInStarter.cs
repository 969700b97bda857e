using Microsoft.Extensions.Options;
using OAuthWebClient.Client.Events;
using OAuthWebClient.Client.Metadata;
using OAuthWebClient.Client.Protocol;
using OAuthWebClient.Client.Providers;
using OAuthWebClient.Client.Tokens;

namespace OAuthWebClient.Client.Login;

/// <summary>
/// Step 1 of the flow: creates the PKCE verifier (RFC 7636 §4.1), state and nonce, keeps them in a transaction cookie
/// bound to this browser (RFC 9700 §2.1), and builds the authorization request URL.
/// </summary>
internal sealed class SignInStarter(
    [FromKeyedServices] ServerMetadataProvider metadata,
    TransactionCookies transactions,
    EventDispatcher events,
    TimeProvider timeProvider,
    [FromKeyedServices] IOptions<OAuthClientOptions> options,
    ILogger<SignInStarter> logger,
    ProviderRegistry providers,
    [FromKeyedServices] TokenEndpointClient tokenEndpoint,
    [ServiceKey] string provider)
{
    private readonly OAuthClientOptions _options = options.Value;
    private readonly OAuthProvider _provider = providers.Find(provider)!;

    public async Task<SignInStartResult> StartAsync(HttpContext context, SignInStartRequest request, CancellationToken cancellationToken)
    {
        ServerMetadata server;
        try
        {
            server = await metadata.GetAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.MetadataUnavailable(logger, e);
            return await FailedAsync(context, transactionId: null, SignInFailureReason.ServerUnavailable, "The authorization server's metadata could not be loaded.", error: null);
        }

        var transaction = new AuthorizationTransaction
        {
            State = RandomValue.Create(),
            CodeVerifier = Pkce.CreateVerifier(),
            Nonce = _options.RequestsOpenId ? RandomValue.Create() : null,
            ReturnUrl = LocalReturnUrl(request.ReturnUrl),
            Issuer = server.Issuer,
            RedirectUri = RedirectUris.For(context, _options, _provider.CallbackPath),
            Provider = _provider.Name,
            Scope = string.Join(' ', _options.Scopes.Union(request.AdditionalScopes.SelectMany(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries)), StringComparer.Ordinal)),
            Created = timeProvider.GetUtcNow(),
            MaxAge = AuthorizationParameters.MaxAgeSeconds(_options),
        };
        var transactionId = RandomValue.Fingerprint(transaction.State, 8);
        var optional = AuthorizationParameters.For(_options, transaction.Scope, AcceptedLoginHint(request, transactionId));
        var url = AuthorizationRequest.BuildUrl(server.AuthorizationEndpoint, _options.ClientId, transaction, optional);
        string? requestUri = null;
        if (PushEndpoint(server, out var pushFailure) is { } endpoint)
        {
            var call = new TokenCall(TokenRequestKind.PushedAuthorization, endpoint, context, server.Issuer, _provider.Name, TransactionId: transactionId);
            var result = await tokenEndpoint.PushAsync(call, AuthorizationRequest.Pairs(_options.ClientId, transaction, optional), cancellationToken);
            if (result.Pushed is not { } pushedRequest)
            {
                Log.PushedAuthorizationFailed(logger, transactionId, result.Failure.ToString()!, result.Failure == TokenRequestFailure.Rejected ? result.Error : null);
                return await FailedAsync(context, transactionId, result.Failure == TokenRequestFailure.Unreachable ? SignInFailureReason.ServerUnavailable : SignInFailureReason.PushedAuthorizationFailed,
                    result.Failure == TokenRequestFailure.Rejected ? "The authorization server refused the pushed sign-in request." : "The pushed sign-in request failed: " + result.Error,
                    result.Failure == TokenRequestFailure.Rejected ? new ProtocolError(result.Error!, result.ErrorDescription) : null);
            }

            requestUri = pushedRequest.RequestUri;
            url = AuthorizationRequest.BuildPushedUrl(server.AuthorizationEndpoint, _options.ClientId, requestUri);
        }
        else if (pushFailure is not null)
        {
            return await FailedAsync(context, transactionId, SignInFailureReason.PushedAuthorizationFailed, pushFailure, error: null);
        }

        transactions.Write(context, transaction);
        Log.AuthorizationRequestStarted(logger, server.Issuer, transactionId);
        if (events.IsActive)
        {
            // Built for observers only: unobserved, a login start pays nothing for the seam.
            var sent = AuthorizationRequest.Parameters(_options.ClientId, transaction, optional);
            await events.RaiseAsync(new AuthorizationRequestContext
            {
                HttpContext = context,
                At = transaction.Created,
                TransactionId = transactionId,
                Provider = _provider.Name,
                Issuer = server.Issuer,
                AuthorizationEndpoint = server.AuthorizationEndpoint,
                Parameters = requestUri is null ? sent
                    : [ProtocolParameter.Plain("client_id", _options.ClientId), ProtocolParameter.Plain("request_uri", requestUri)],
                PushedParameters = requestUri is null ? null : sent,
                CodeVerifier = new SecretValue(transaction.CodeVerifier),
                ReturnUrl = transaction.ReturnUrl,
                TransactionCookie = transactions.CookieName(context, transaction.State),
                Expires = transaction.Created + _options.TransactionLifetime,
            }, (s, c) => s.AuthorizationRequestBuilt(c));
        }

        return SignInStartResult.Redirect(new Uri(url));
    }

    /// <summary>
    /// Where to push the request (RFC 9126 §2), or null to send it in the URL. Pushed when configured or required and the
    /// server has the endpoint; <c>require_pushed_authorization_requests</c> (§5) or <see cref="PushedAuthorizationMode.Require"/>
    /// without the endpoint fails closed, with <paramref name="failure"/> saying why.
    /// </summary>
    private Uri? PushEndpoint(ServerMetadata server, out string? failure)
    {
        failure = null;
        var mode = server.RequirePushedAuthorizationRequests ? PushedAuthorizationMode.Require : _options.EffectivePushedAuthorization;
        if (mode == PushedAuthorizationMode.Disable)
        {
            return null;
        }

        var endpoint = server.PushedAuthorizationRequestEndpoint;
        if (endpoint is null && mode == PushedAuthorizationMode.Require)
        {
            failure = "Pushed authorization requests are required (OAuth:PushedAuthorization=Require or Profile=Fapi2), but the authorization server " +
                "does not advertise a pushed_authorization_request_endpoint. The request was not sent on the front channel instead.";
        }

        return endpoint;
    }

    private async Task<SignInStartResult> FailedAsync(HttpContext context, string? transactionId, SignInFailureReason reason, string message, ProtocolError? error)
    {
        var failure = new SignInFailure { Reason = reason, Message = message, Error = error };
        if (events.IsActive)
        {
            await events.RaiseAsync(new SignInFailedContext { HttpContext = context, At = events.Now, TransactionId = transactionId, Provider = _provider.Name, Failure = failure }, (s, c) => s.SignInFailed(c));
        }

        return SignInStartResult.Failed(failure);
    }

    private string? AcceptedLoginHint(SignInStartRequest request, string transactionId)
    {
        var hint = LoginHint.Accept(request.LoginHint, out var refused);
        if (refused)
        {
            Log.LoginHintRefused(logger, transactionId, LoginHint.MaxLength);
        }

        return hint;
    }

    /// <summary>
    /// Only a local path (RFC 9700 §4.11), and never the callback itself: "sign in" from a failed callback page
    /// must not bring the person back to replay a used response (its code and state in the return URL).
    /// </summary>
    private string LocalReturnUrl(string? returnUrl)
    {
        var local = ReturnUrl.Sanitize(returnUrl);
        var callback = _options.CallbackPath;
        var isCallback = local.StartsWith(callback, StringComparison.OrdinalIgnoreCase) &&
            (local.Length == callback.Length || local[callback.Length] is '?' or '/' or '#');
        return isCallback ? ReturnUrl.Home : local;
    }
}
