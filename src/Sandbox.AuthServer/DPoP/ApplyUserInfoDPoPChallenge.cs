using Microsoft.AspNetCore;
using Microsoft.Net.Http.Headers;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using Sandbox.DPoP;

namespace Sandbox.AuthServer.DPoP;

/// <summary>
/// Turns a refused UserInfo request that involved DPoP into a DPoP challenge (RFC 9449 §7.1): 401,
/// <c>WWW-Authenticate: DPoP error=…, algs=…</c>, and the current nonce with <c>use_dpop_nonce</c> (§9).
/// </summary>
internal sealed class ApplyUserInfoDPoPChallenge(DPoPNonces nonces)
    : IOpenIddictServerHandler<OpenIddictServerEvents.ApplyUserInfoResponseContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.ApplyUserInfoResponseContext>()
            .UseSingletonHandler<ApplyUserInfoDPoPChallenge>()
            // After OpenIddict wrote its Bearer challenge, before it sends the response.
            .SetOrder(OpenIddictServerAspNetCoreHandlers.AttachWwwAuthenticateHeader<OpenIddictServerEvents.ApplyUserInfoResponseContext>.Descriptor.Order + 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(OpenIddictServerEvents.ApplyUserInfoResponseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var error = context.Response.Error;
        if (string.IsNullOrEmpty(error) || !context.Transaction.WantsDPoPChallenge()
            || context.Transaction.GetHttpRequest()?.HttpContext.Response is not { } response)
        {
            return ValueTask.CompletedTask;
        }

        // RFC 9449 §7.1 and §9: proof errors are 401 with a DPoP challenge, like invalid_token.
        if (error is DPoPConstants.InvalidDPoPProof or DPoPConstants.UseDPoPNonce)
        {
            response.StatusCode = StatusCodes.Status401Unauthorized;
        }

        response.Headers[HeaderNames.WWWAuthenticate] = DPoPChallenge.Format(error, context.Response.ErrorDescription);
        if (error == DPoPConstants.UseDPoPNonce)
        {
            response.Headers[DPoPConstants.NonceHeader] = nonces.Current;
        }

        return ValueTask.CompletedTask;
    }
}
