using OpenIddict.Abstractions;
using OpenIddict.Server;
using Sandbox.DPoP;

namespace Sandbox.AuthServer.DPoP;

/// <summary>
/// Binds the tokens of a request that came with a valid proof to the proof's key: the access token gets
/// <c>cnf: {"jkt": …}</c> (RFC 9449 §6.1), the refresh token a private claim with the same thumbprint (§5).
/// </summary>
internal sealed class BindIssuedTokens : IOpenIddictServerHandler<OpenIddictServerEvents.ProcessSignInContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.ProcessSignInContext>()
            .UseSingletonHandler<BindIssuedTokens>()
            // Once OpenIddict has prepared the principals (it drops any cnf it did not set), before it signs them.
            .SetOrder(OpenIddictServerHandlers.GenerateAccessToken.Descriptor.Order - 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(OpenIddictServerEvents.ProcessSignInContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Transaction.Thumbprint() is not { } thumbprint)
        {
            return ValueTask.CompletedTask;
        }

        context.AccessTokenPrincipal?.SetClaim(DPoPConstants.ConfirmationClaim, DPoPTransaction.Confirmation(thumbprint));
        context.RefreshTokenPrincipal?.SetClaim(DPoPTransaction.RefreshTokenBindingClaim, thumbprint);
        return ValueTask.CompletedTask;
    }
}
