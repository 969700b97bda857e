namespace Sandbox.AuthServer.BackchannelLogout;

/// <summary>What one client answered to its logout token: an HTTP status, or why there was none.</summary>
public sealed record BackchannelLogoutDelivery(string ClientId, int? Status, string? Failure)
{
    /// <summary>§2.8: 200 (or 204) is success; anything else is the client's failure to log out.</summary>
    public bool Succeeded => Status is 200 or 204;
}
