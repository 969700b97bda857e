using Microsoft.AspNetCore;
using OpenIddict.Server;
using Sandbox.DPoP;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Sandbox.AuthServer.DPoP;

/// <summary>
/// UserInfo as a DPoP protected resource (RFC 9449 §7): a DPoP-bound access token only with the DPoP scheme and a
/// proof for this request (htm, htu, ath) signed with the key of the token's <c>cnf.jkt</c>; the DPoP scheme only with
/// a DPoP-bound token. Plain Bearer tokens are untouched.
/// </summary>
internal sealed class ValidateUserInfoProof(DPoPProofValidator validator)
    : IOpenIddictServerHandler<OpenIddictServerEvents.ValidateUserInfoRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.ValidateUserInfoRequestContext>()
            .UseSingletonHandler<ValidateUserInfoProof>()
            .SetOrder(OpenIddictServerHandlers.UserInfo.ValidateAuthentication.Descriptor.Order + 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(OpenIddictServerEvents.ValidateUserInfoRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var bound = DPoPTransaction.BoundThumbprint(context.AccessTokenPrincipal);
        var dpopScheme = context.Transaction.WantsDPoPChallenge();
        if (bound is null && !dpopScheme)
        {
            return;
        }

        context.Transaction.UseDPoPChallenge();
        if (!dpopScheme)
        {
            // §7.2 spirit: a bound token sent as Bearer has lost its proof of possession.
            context.Reject(Errors.InvalidToken, "The access token is DPoP-bound: present it with the DPoP scheme and a DPoP proof.");
            return;
        }

        if (bound is null)
        {
            context.Reject(Errors.InvalidToken, "The DPoP scheme is for DPoP-bound access tokens; this one is a Bearer token.");
            return;
        }

        var http = context.Transaction.GetHttpRequest() ?? throw new InvalidOperationException("No HTTP request.");
        var url = DPoPTransaction.EndpointUrl(context.Options, context.Options.UserInfoEndpointUris);
        var result = await validator.ValidateAsync(DPoPHttp.ProofRequest(http, url, context.Request.AccessToken));
        if (!result.IsValid)
        {
            context.Reject(result.Error!, result.Description);
        }
        else if (!string.Equals(result.Thumbprint, bound, StringComparison.Ordinal))
        {
            // §7.1: the proof's key must be the one the token is bound to.
            context.Reject(DPoPConstants.InvalidDPoPProof, "The DPoP proof is signed with another key than the one the access token is bound to.");
        }
    }
}
