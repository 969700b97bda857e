using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OAuthWebClient.Errors;
using OAuthWebClient.Metadata;
using OAuthWebClient.OAuth;

namespace OAuthWebClient.Login;

/// <summary>
/// Step 1 of the flow: creates the PKCE verifier, state and nonce, keeps them in a transaction cookie, and
/// sends the browser to the authorization endpoint.
/// </summary>
/// <remarks>Mapped at <c>OAuth:LoginPath</c> (see <c>WebAppExtensions.UseWebApp</c>).</remarks>
public sealed class LoginController(
    ServerMetadataProvider metadata,
    TransactionCookies transactions,
    StepUpScopes stepUpScopes,
    IOptions<OAuthClientOptions> options,
    TimeProvider timeProvider,
    ILogger<LoginController> logger) : Controller
{
    private readonly OAuthClientOptions _options = options.Value;

    [HttpGet]
    /// <param name="stepUp">A scope sealed by <see cref="StepUpScopes"/> when a resource server asked for more.</param>
    public async Task<IActionResult> Login(string? returnUrl, string? stepUp, CancellationToken cancellationToken)
    {
        ServerMetadata server;
        try
        {
            server = await metadata.GetAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.MetadataUnavailable(logger, e);
            return this.ErrorPage(AppError.ServerUnreachable());
        }

        var transaction = new AuthorizationTransaction
        {
            State = RandomValue.Create(),
            CodeVerifier = Pkce.CreateVerifier(),
            Nonce = _options.RequestsOpenId ? RandomValue.Create() : null,
            ReturnUrl = LocalReturnUrl(returnUrl),
            Issuer = server.Issuer,
            RedirectUri = RedirectUris.For(HttpContext, _options, _options.CallbackPath),
            Scope = string.Join(' ', _options.Scopes.Union(stepUpScopes.Open(stepUp), StringComparer.Ordinal)),
            Created = timeProvider.GetUtcNow(),
        };
        transactions.Write(HttpContext, transaction);
        Log.AuthorizationRequestStarted(logger, server.Issuer, RandomValue.Fingerprint(transaction.State, 8));
        return Redirect(AuthorizationRequest.BuildUrl(server.AuthorizationEndpoint, _options.ClientId, transaction));
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
