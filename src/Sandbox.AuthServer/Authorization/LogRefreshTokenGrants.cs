using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;

namespace Sandbox.AuthServer.Authorization;

/// <summary>
/// Logs every refresh token grant the token endpoint answers with tokens (RFC 6749 §6), naming the authorization — one per
/// sign-in of a client session, which a rotated refresh token keeps — by a short fingerprint, never a token. Whoever
/// reads the sandbox's output (a soak test) can count the refreshes of each client session and see when each happened.
/// </summary>
internal sealed class LogRefreshTokenGrants(TimeProvider clock, ILogger<LogRefreshTokenGrants> logger)
    : IOpenIddictServerHandler<OpenIddictServerEvents.ProcessSignInContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.ProcessSignInContext>()
            .UseSingletonHandler<LogRefreshTokenGrants>()
            // Once the generated tokens are attached to the response: nothing rejected the sign-in, the client gets them.
            .SetOrder(OpenIddictServerHandlers.AttachSignInParameters.Descriptor.Order + 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(OpenIddictServerEvents.ProcessSignInContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.IsRejected || context.Request?.IsRefreshTokenGrantType() != true || string.IsNullOrEmpty(context.AccessToken))
        {
            return ValueTask.CompletedTask;
        }

        var authorization = context.Principal?.GetAuthorizationId();
        Log.RefreshTokenGrantIssued(logger, context.ClientId, authorization is null ? "none" : Fingerprint(authorization),
            clock.GetUtcNow(), context.AccessTokenPrincipal?.GetExpirationDate());
        return ValueTask.CompletedTask;
    }

    /// <summary>The first 12 characters of base64url(SHA-256(id)): short, stable, and not the id itself.</summary>
    internal static string Fingerprint(string authorizationId) =>
        Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(authorizationId)))[..12];
}
