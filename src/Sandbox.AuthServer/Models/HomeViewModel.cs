using Sandbox.AuthServer.BackchannelLogout;

namespace Sandbox.AuthServer.Models;

/// <summary>The landing page; after "Sign out everywhere", what each client answered to its logout token.</summary>
public sealed class HomeViewModel
{
    public bool SignedOutEverywhere { get; init; }

    public IReadOnlyList<BackchannelLogoutDelivery> Deliveries { get; init; } = [];
}
