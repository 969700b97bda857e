using Microsoft.AspNetCore;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using Sandbox.DPoP;

namespace Sandbox.AuthServer.DPoP;

/// <summary>
/// OpenIddict reads the UserInfo access token from <c>Authorization: Bearer</c> only; this also reads
/// <c>Authorization: DPoP &lt;token&gt;</c> (RFC 9449 §7.1) and marks the request for the proof check.
/// </summary>
internal sealed class ExtractUserInfoDPoPToken : IOpenIddictServerHandler<OpenIddictServerEvents.ExtractUserInfoRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.ExtractUserInfoRequestContext>()
            .UseSingletonHandler<ExtractUserInfoDPoPToken>()
            .SetOrder(OpenIddictServerAspNetCoreHandlers.ExtractAccessToken<OpenIddictServerEvents.ExtractUserInfoRequestContext>.Descriptor.Order + 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(OpenIddictServerEvents.ExtractUserInfoRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Transaction.GetHttpRequest() is { } http && DPoPHttp.DPoPAccessToken(http) is { } token)
        {
            context.Transaction.Request!.AccessToken = token;
            context.Transaction.UseDPoPChallenge();
        }

        return ValueTask.CompletedTask;
    }
}
