using OpenIddict.Server;

namespace Sandbox.AuthServer.DPoP;

/// <summary>
/// OpenIddict knows only certificate-bound tokens (<c>cnf.x5t#S256</c>, RFC 8705) and throws on any other <c>cnf</c>.
/// For a DPoP-bound token (<c>cnf.jkt</c>) its check is switched off: the userinfo handlers verify the proof instead,
/// and revocation (RFC 7009) needs none.
/// </summary>
internal sealed class SkipBuiltInProofOfPossession : IOpenIddictServerHandler<OpenIddictServerEvents.ValidateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.ValidateTokenContext>()
            .UseSingletonHandler<SkipBuiltInProofOfPossession>()
            .SetOrder(OpenIddictServerHandlers.Protection.ValidateProofOfPossession.Descriptor.Order - 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(OpenIddictServerEvents.ValidateTokenContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (DPoPTransaction.BoundThumbprint(context.Principal) is not null)
        {
            context.DisableProofOfPossessionValidation = true;
        }

        return ValueTask.CompletedTask;
    }
}
