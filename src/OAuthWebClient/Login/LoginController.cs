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
[Route("account")]
public sealed class LoginController(
    ServerMetadataProvider metadata,
    TransactionCookies transactions,
    IOptions<OAuthClientOptions> options,
    TimeProvider timeProvider,
    ILogger<LoginController> logger) : Controller
{
    private readonly OAuthClientOptions _options = options.Value;

    [HttpGet("login")]
    public async Task<IActionResult> Login(string? returnUrl, CancellationToken cancellationToken)
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
            ReturnUrl = ReturnUrl.Sanitize(returnUrl),
            Issuer = server.Issuer,
            RedirectUri = RedirectUris.For(HttpContext, _options, _options.CallbackPath),
            Scope = string.Join(' ', _options.Scopes),
            Created = timeProvider.GetUtcNow(),
        };
        transactions.Write(HttpContext, transaction);
        Log.AuthorizationRequestStarted(logger, server.Issuer, RandomValue.Fingerprint(transaction.State, 8));
        return Redirect(AuthorizationRequest.BuildUrl(server.AuthorizationEndpoint, _options.ClientId, transaction));
    }
}
