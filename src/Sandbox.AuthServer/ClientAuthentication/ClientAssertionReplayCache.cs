using Sandbox.DPoP;

namespace Sandbox.AuthServer.ClientAuthentication;

/// <summary>The <c>jti</c>s of accepted client assertions; separate from the DPoP proofs' replay cache.</summary>
internal sealed class ClientAssertionReplayCache(TimeProvider clock)
{
    // Assertions live minutes; 100,000 outstanding ones is far beyond what a sandbox sees.
    public JtiReplayCache Cache { get; } = new(100_000, clock);
}
