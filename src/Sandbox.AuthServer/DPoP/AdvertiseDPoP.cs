using OpenIddict.Abstractions;
using OpenIddict.Server;
using Sandbox.DPoP;

namespace Sandbox.AuthServer.DPoP;

/// <summary>Adds <c>dpop_signing_alg_values_supported</c> (RFC 9449 §5.1) to the discovery document.</summary>
internal sealed class AdvertiseDPoP : IOpenIddictServerHandler<OpenIddictServerEvents.HandleConfigurationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.HandleConfigurationRequestContext>()
            .UseSingletonHandler<AdvertiseDPoP>()
            .SetOrder(int.MaxValue - 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(OpenIddictServerEvents.HandleConfigurationRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Metadata[DPoPConstants.SigningAlgValuesSupported] = new OpenIddictParameter([.. DPoPAlgorithms.Supported]);
        return ValueTask.CompletedTask;
    }
}
