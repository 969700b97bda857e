using OpenIddict.Server;

namespace Sandbox.AuthServer.DPoP;

/// <summary>
/// OpenIddict knows only certificate-bound tokens (<c>cnf.x5t#S256</c>, RFC 8705) and throws on any other <c>cnf</c>.
/// For a DPoP-bound token (<c>cnf.jkt</c>) presented at UserInfo that would be a 500; the check is switched off and
/// <see cref="ValidateUserInfoProof"/> verifies the proof instead.
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
