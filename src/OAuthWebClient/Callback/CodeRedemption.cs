using Microsoft.Extensions.Options;
using OAuthWebClient.Errors;
using OAuthWebClient.Login;
using OAuthWebClient.Metadata;
using OAuthWebClient.OAuth;
using OAuthWebClient.Tokens;

namespace OAuthWebClient.Callback;

/// <summary>
/// Exchanges the authorization code for tokens (RFC 6749 §4.1.3, with the PKCE verifier) and validates what
/// comes back: the token response (§5.1) and the ID token (OIDC Core §3.1.3.7). Stores nothing itself.
/// </summary>
public sealed class CodeRedemption(
    TokenEndpointClient tokenEndpoint,
    IdTokenValidator idTokenValidator,
    TimeProvider timeProvider,
    IOptions<OAuthClientOptions> options,
    ILogger<CodeRedemption> logger)
{
    private readonly OAuthClientOptions _options = options.Value;

    public async Task<RedemptionOutcome> RedeemAsync(ServerMetadata server, AuthorizationTransaction transaction, string code, CancellationToken cancellationToken)
    {
        var transactionId = RandomValue.Fingerprint(transaction.State, 8);
        var result = await tokenEndpoint.RedeemCodeAsync(server.TokenEndpoint, code, transaction.CodeVerifier, transaction.RedirectUri, cancellationToken);
        if (result.Response is not { } response)
        {
            Log.CodeRedemptionFailed(logger, transactionId, result.Failure.ToString()!, result.Failure == TokenFailureKind.Rejected ? result.Error : null);
            return RedemptionOutcome.Failed(result.Failure switch
            {
                TokenFailureKind.Rejected => Rejected(result.Error!, result.ErrorDescription),
                TokenFailureKind.Unreachable => AppError.ServerUnreachable(),
                _ => AppError.ServerMisbehaved(result.Error!),
            });
        }

        var scope = response.Scope ?? transaction.Scope;
        IdTokenValidationResult? identity = null;
        if (response.IdToken is not null)
        {
            identity = await idTokenValidator.ValidateAsync(response.IdToken, transaction.Nonce, cancellationToken);
            if (!identity.IsValid)
            {
                Log.IdTokenRejected(logger, transactionId, identity.Error!);
                return RedemptionOutcome.Failed(AppError.ServerMisbehaved("The identity token from the sign-in server was not accepted: " + identity.Error));
            }
        }
        else if (scope.Split(' ').Contains("openid", StringComparer.Ordinal))
        {
            // OIDC Core §3.1.3.3: an OpenID Connect token response always carries an ID token.
            return RedemptionOutcome.Failed(AppError.ServerMisbehaved("The sign-in server granted openid but sent no identity token."));
        }

        var tokens = new TokenSet
        {
            AccessToken = response.AccessToken,
            RefreshToken = response.RefreshToken,
            IdToken = response.IdToken,
            ExpiresAt = timeProvider.GetUtcNow() + (response.ExpiresIn ?? _options.AssumedAccessTokenLifetime),
            Scope = scope,
            Issuer = transaction.Issuer,
            Subject = identity?.Subject,
        };
        return RedemptionOutcome.SignedIn(tokens, identity?.Name ?? identity?.Subject ?? "Signed-in user");
    }

    /// <summary>
    /// RFC 6749 §5.2 errors are the request's fault (400), except the two that say the server failed
    /// (<c>server_error</c>, <c>temporarily_unavailable</c>, as in §4.1.2.1): those are 502 and 503.
    /// </summary>
    private static AppError Rejected(string error, string? description) => error switch
    {
        "server_error" => AppError.TokenRequestRejected(error, description) with { StatusCode = StatusCodes.Status502BadGateway },
        "temporarily_unavailable" => AppError.TokenRequestRejected(error, description) with { StatusCode = StatusCodes.Status503ServiceUnavailable },
        _ => AppError.TokenRequestRejected(error, description),
    };
}
