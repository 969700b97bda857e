using Microsoft.Extensions.Options;
using OAuthWebClient.Client.Events;
using OAuthWebClient.Client.Metadata;
using OAuthWebClient.Client.Protocol;
using OAuthWebClient.Client.Providers;

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
            var failure = new SignInFailure { Reason = SignInFailureReason.ServerUnavailable, Message = "The authorization server's metadata could not be loaded." };
            if (events.IsActive)
            {
                await events.RaiseAsync(new SignInFailedContext { HttpContext = context, At = events.Now, TransactionId = null, Failure = failure }, (s, c) => s.SignInFailed(c));
            }

            return SignInStartResult.Failed(failure);
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
        transactions.Write(context, transaction);
        var transactionId = RandomValue.Fingerprint(transaction.State, 8);
        Log.AuthorizationRequestStarted(logger, server.Issuer, transactionId);
        var optional = AuthorizationParameters.For(_options, transaction.Scope, AcceptedLoginHint(request, transactionId));
        var url = AuthorizationRequest.BuildUrl(server.AuthorizationEndpoint, _options.ClientId, transaction, optional);
        if (events.IsActive)
        {
            await events.RaiseAsync(new AuthorizationRequestContext
            {
                HttpContext = context,
                At = transaction.Created,
                TransactionId = transactionId,
                Issuer = server.Issuer,
                AuthorizationEndpoint = server.AuthorizationEndpoint,
                Parameters = AuthorizationRequest.Parameters(_options.ClientId, transaction, optional),
                CodeVerifier = new SecretValue(transaction.CodeVerifier),
                ReturnUrl = transaction.ReturnUrl,
                TransactionCookie = transactions.CookieName(context, transaction.State),
                Expires = transaction.Created + _options.TransactionLifetime,
            }, (s, c) => s.AuthorizationRequestBuilt(c));
        }

        return SignInStartResult.Redirect(new Uri(url));
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
