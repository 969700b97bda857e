using Microsoft.Extensions.Options;
using OAuthWebClient.Client.Claims;
using OAuthWebClient.Client.Events;
using OAuthWebClient.Client.Login;
using OAuthWebClient.Client.Metadata;
using OAuthWebClient.Client.ProofOfPossession;
using OAuthWebClient.Client.Tokens;

namespace OAuthWebClient.Client.Callback;

/// <summary>
/// Exchanges the authorization code for tokens (RFC 6749 §4.1.3, with the PKCE verifier) and validates what
/// comes back: the token response (§5.1) and the ID token (OIDC Core §3.1.3.7). Stores nothing itself.
/// </summary>
internal sealed class CodeRedemption(
    [FromKeyedServices] TokenEndpointClient tokenEndpoint,
    [FromKeyedServices] IdTokenValidator idTokenValidator,
    TimeProvider timeProvider,
    [FromKeyedServices] IOptions<OAuthClientOptions> options,
    ILogger<CodeRedemption> logger,
    [FromKeyedServices] SignInClaims signInClaims)
{
    private readonly OAuthClientOptions _options = options.Value;

    public async Task<Redemption> RedeemAsync(HttpContext context, ServerMetadata server, AuthorizationTransaction transaction, string code, CancellationToken cancellationToken)
    {
        var transactionId = RandomValue.Fingerprint(transaction.State, 8);
        // RFC 9449 §5: the session's DPoP key pair is created here, proven at the code exchange and kept with the tokens.
        var proofKey = _options.UsesDPoP ? DPoPKey.Create(_options.DPoP.Algorithm) : null;
        var call = new TokenCall(TokenRequestKind.AuthorizationCode, server.TokenEndpoint, context, server.Issuer, transaction.Provider, TransactionId: transactionId, Proof: proofKey);
        var result = await tokenEndpoint.RedeemCodeAsync(call, code, transaction.CodeVerifier, transaction.RedirectUri, cancellationToken);
        if (result.Response is not { } response)
        {
            Log.CodeRedemptionFailed(logger, transactionId, result.Failure.ToString()!, result.Failure == TokenRequestFailure.Rejected ? result.Error : null);
            return result.Failure switch
            {
                TokenRequestFailure.Rejected => Redemption.Failed(SignInFailureReason.TokenRequestRejected,
                    "The authorization server would not exchange the sign-in code for tokens.", new ProtocolError(result.Error!, result.ErrorDescription)),
                TokenRequestFailure.Unreachable => Redemption.Failed(SignInFailureReason.ServerUnavailable, "The authorization server's token endpoint did not answer in time."),
                _ => Redemption.Failed(SignInFailureReason.InvalidTokenResponse, result.Error!),
            };
        }

        var scope = response.Scope ?? transaction.Scope;
        IdTokenValidationResult? identity = null;
        if (response.IdToken is not null)
        {
            identity = await idTokenValidator.ValidateAsync(response.IdToken, transaction.Nonce, call, cancellationToken, transaction.MaxAge);
            if (!identity.IsValid)
            {
                Log.IdTokenRejected(logger, transactionId, identity.Error!);
                return Redemption.Failed(SignInFailureReason.InvalidIdToken, "The identity token from the sign-in server was not accepted: " + identity.Error);
            }
        }
        else if (scope.Split(' ').Contains("openid", StringComparer.Ordinal))
        {
            // OIDC Core §3.1.3.3: an OpenID Connect token response always carries an ID token.
            return Redemption.Failed(SignInFailureReason.InvalidIdToken, "The sign-in server granted openid but sent no identity token.");
        }

        if (response.RefreshToken is null && transaction.Scope.Split(' ').Contains(AuthorizationParameters.OfflineAccess, StringComparer.Ordinal))
        {
            Log.NoRefreshTokenForOfflineAccess(logger, transactionId, _options.OfflineAccessPrompt);
        }

        var (user, refused) = await signInClaims.ResolveAsync(server, response.AccessToken, response.IdToken, identity?.Subject, transactionId, cancellationToken);
        if (refused is not null)
        {
            return Redemption.Failed(refused.Reason, refused.Message);
        }

        var tokens = new TokenSet
        {
            AccessToken = response.AccessToken,
            RefreshToken = response.RefreshToken,
            IdToken = response.IdToken,
            ExpiresAt = timeProvider.GetUtcNow() + (response.ExpiresIn ?? _options.AssumedAccessTokenLifetime),
            Scope = scope,
            Issuer = identity?.Issuer ?? transaction.Issuer, // a tenant template's own tenant (EntraId)
            Subject = identity?.Subject,
            ProviderSessionId = identity?.SessionId,
            Provider = transaction.Provider,
            User = user,
            TokenType = response.TokenType,
            DPoPKey = response.TokenType == DPoPProofFactory.TokenType ? proofKey!.ToJson() : null,
        };
        return Redemption.SignedIn(tokens, user?.Name ?? identity?.Name ?? identity?.Subject ?? "Signed-in user");
    }
}
