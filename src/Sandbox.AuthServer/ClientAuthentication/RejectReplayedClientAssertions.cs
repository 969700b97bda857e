using OpenIddict.Abstractions;
using OpenIddict.Server;
using Sandbox.DPoP;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Sandbox.AuthServer.ClientAuthentication;

/// <summary>
/// Makes every private_key_jwt client assertion single-use, which OpenIddict does not check: OIDC Core §9 requires a
/// <c>jti</c>, and RFC 7523 §3 item 7 lets the server refuse a replayed one. The <c>jti</c> is remembered until the
/// assertion expires.
/// </summary>
internal sealed class RejectReplayedClientAssertions(ClientAssertionReplayCache replays, TimeProvider clock)
    : IOpenIddictServerHandler<OpenIddictServerEvents.ProcessAuthenticationContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.ProcessAuthenticationContext>()
            .AddFilter<OpenIddictServerHandlerFilters.RequireClientAssertionPrincipal>()
            .UseSingletonHandler<RejectReplayedClientAssertions>()
            // After OpenIddict has verified the signature, the lifetime and that iss = sub = client_id.
            .SetOrder(OpenIddictServerHandlers.ValidateClientAssertionIssuer.Descriptor.Order + 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(OpenIddictServerEvents.ProcessAuthenticationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var assertion = context.ClientAssertionPrincipal!;
        var jti = assertion.GetClaim(Claims.JwtId);
        if (string.IsNullOrEmpty(jti))
        {
            context.Reject(Errors.InvalidClient, "The client assertion must have a jti claim (OpenID Connect Core §9).");
            return ValueTask.CompletedTask;
        }

        var expires = assertion.GetExpirationDate() ?? clock.GetUtcNow();
        if (!replays.Cache.TryUse($"{assertion.GetClaim(Claims.Issuer)} {jti}", expires))
        {
            context.Reject(Errors.InvalidClient, "The client assertion has already been used (RFC 7523 §3: jti).");
        }

        return ValueTask.CompletedTask;
    }
}
