using System.Text.Json.Nodes;
using System.Security.Claims;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using Sandbox.DPoP;

namespace Sandbox.AuthServer.DPoP;

/// <summary>What the DPoP handlers tell each other through OpenIddict's transaction, and where a token's key binding lives.</summary>
internal static class DPoPTransaction
{
    /// <summary>
    /// The private claim that binds a refresh token to the key its first proof used. It has no destination, so it stays
    /// in the server-side refresh token and is never copied into an access or ID token.
    /// </summary>
    public const string RefreshTokenBindingClaim = "sandbox_dpop_jkt";

    private const string ThumbprintProperty = "sandbox:dpop:jkt";
    private const string ChallengeProperty = "sandbox:dpop:challenge";

    /// <summary>The thumbprint of the key a valid proof of this request was signed with.</summary>
    public static string? Thumbprint(this OpenIddictServerTransaction transaction) => transaction.GetProperty<string>(ThumbprintProperty);

    public static void SetThumbprint(this OpenIddictServerTransaction transaction, string thumbprint) =>
        transaction.SetProperty(ThumbprintProperty, thumbprint);

    /// <summary>Whether an error response of this request must be a DPoP challenge (RFC 9449 §7.1) rather than a Bearer one.</summary>
    public static bool WantsDPoPChallenge(this OpenIddictServerTransaction transaction) => transaction.GetProperty<string>(ChallengeProperty) is not null;

    public static void UseDPoPChallenge(this OpenIddictServerTransaction transaction) => transaction.SetProperty(ChallengeProperty, "true");

    /// <summary>The <c>cnf</c> claim of a DPoP-bound access token: <c>{"jkt": "…"}</c> (RFC 9449 §6.1).</summary>
    public static JsonObject Confirmation(string thumbprint) => new() { [DPoPConstants.ThumbprintMember] = thumbprint };

    /// <summary>The <c>cnf.jkt</c> of a token's principal, or null when it is not DPoP-bound.</summary>
    public static string? BoundThumbprint(ClaimsPrincipal? principal) =>
        principal?.GetClaim(DPoPConstants.ConfirmationClaim) is { Length: > 0 } cnf
        && JsonNode.Parse(cnf) is JsonObject confirmation
        && confirmation[DPoPConstants.ThumbprintMember] is JsonValue jkt
        && jkt.TryGetValue<string>(out var thumbprint)
            ? thumbprint
            : null;

    /// <summary>The absolute URL of an endpoint, as discovery advertises it: what a proof's <c>htu</c> must name.</summary>
    public static Uri EndpointUrl(OpenIddictServerOptions options, IList<Uri> endpoints)
    {
        var endpoint = endpoints[0];
        return endpoint.IsAbsoluteUri ? endpoint : new Uri(options.Issuer!, endpoint.OriginalString.TrimStart('/'));
    }
}
