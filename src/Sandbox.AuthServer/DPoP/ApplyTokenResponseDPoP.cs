using Microsoft.AspNetCore;
using OpenIddict.Server;
using Sandbox.DPoP;

namespace Sandbox.AuthServer.DPoP;

/// <summary>
/// The token response of a DPoP request: <c>token_type</c> <c>DPoP</c> (RFC 9449 §5); and, when nonces are required,
/// the current nonce in <c>DPoP-Nonce</c> on every token response, <c>use_dpop_nonce</c> errors included (§8).
/// </summary>
internal sealed class ApplyTokenResponseDPoP(DPoPOptions options, DPoPNonces nonces)
    : IOpenIddictServerHandler<OpenIddictServerEvents.ApplyTokenResponseContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.ApplyTokenResponseContext>()
            .UseSingletonHandler<ApplyTokenResponseDPoP>()
            .SetOrder(int.MinValue + 100_000) // before the response is written
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(OpenIddictServerEvents.ApplyTokenResponseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Transaction.Thumbprint() is not null && !string.IsNullOrEmpty(context.Response.AccessToken))
        {
            context.Response.TokenType = DPoPConstants.TokenType;
        }

        if (options.RequireNonce && context.Transaction.GetHttpRequest() is { } http)
        {
            http.HttpContext.Response.Headers[DPoPConstants.NonceHeader] = nonces.Current;
        }

        return ValueTask.CompletedTask;
    }
}
