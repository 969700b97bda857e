using Microsoft.AspNetCore;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using Sandbox.DPoP;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Sandbox.AuthServer.DPoP;

/// <summary>
/// The token endpoint's DPoP check (RFC 9449 §5): a <c>DPoP</c> header must be a valid proof for
/// <c>POST {token endpoint}</c>; a refresh token bound to a key needs a proof signed with that key.
/// </summary>
internal sealed class ValidateTokenRequestProof(DPoPProofValidator validator)
    : IOpenIddictServerHandler<OpenIddictServerEvents.ValidateTokenRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.ValidateTokenRequestContext>()
            .UseSingletonHandler<ValidateTokenRequestProof>()
            // After OpenIddict has authenticated the client and validated the code or refresh token.
            .SetOrder(OpenIddictServerHandlers.Exchange.ValidateAuthentication.Descriptor.Order + 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(OpenIddictServerEvents.ValidateTokenRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.IsAuthorizationCodeGrantType() && !context.Request.IsRefreshTokenGrantType())
        {
            return;
        }

        var http = context.Transaction.GetHttpRequest() ?? throw new InvalidOperationException("No HTTP request.");
        var bound = context.RefreshTokenPrincipal?.GetClaim(DPoPTransaction.RefreshTokenBindingClaim);
        if (!http.Headers.ContainsKey(DPoPConstants.Scheme))
        {
            if (bound is not null)
            {
                context.Reject(DPoPConstants.InvalidDPoPProof, "The refresh token is bound to a DPoP key: send a DPoP proof signed with it (RFC 9449 §5).");
            }

            return; // a Bearer token, as without DPoP
        }

        var result = await validator.ValidateAsync(DPoPHttp.ProofRequest(http, DPoPTransaction.EndpointUrl(context.Options, context.Options.TokenEndpointUris)));
        if (!result.IsValid)
        {
            context.Reject(result.Error!, result.Description);
            return;
        }

        if (bound is not null && !string.Equals(bound, result.Thumbprint, StringComparison.Ordinal))
        {
            context.Reject(DPoPConstants.InvalidDPoPProof, "The DPoP proof is signed with another key than the one the refresh token is bound to.");
            return;
        }

        context.Transaction.SetThumbprint(result.Thumbprint!);
    }
}
