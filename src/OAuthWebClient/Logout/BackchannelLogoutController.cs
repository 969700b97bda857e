using Microsoft.AspNetCore.Mvc;
using OAuthWebClient.Client;

namespace OAuthWebClient.Logout;

/// <summary>
/// OpenID Connect Back-Channel Logout 1.0 at <c>OAuth:BackchannelLogoutPath</c> (and <c>…/{provider}</c>): the provider POSTs
/// a <c>logout_token</c> (§2.5) when the person signs out there; the library's <see cref="IBackchannelLogoutService"/>
/// validates it and ends the sessions it names. Server to server: no cookie, no antiforgery token (the signed token is the
/// proof). 200 on success, 400 with the reason otherwise (§2.8), never cached; a store outage is the usual 503.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class BackchannelLogoutController(IBackchannelLogoutService logout) : Controller
{
    /// <summary>A logout token is a few KB at most; nothing larger is read.</summary>
    private const int MaxRequestBytes = 64 * 1024;

    [HttpPost]
    [RequestSizeLimit(MaxRequestBytes)]
    public async Task<IActionResult> Handle([FromRoute] string? provider, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        string? logoutToken;
        try
        {
            logoutToken = await ReadLogoutTokenAsync(cancellationToken);
        }
        catch (BadHttpRequestException e)
        {
            return StatusCode(e.StatusCode, Reason("UnreadableRequest", "The request body could not be read."));
        }

        var result = await logout.HandleAsync(provider, logoutToken, cancellationToken);
        return result.Succeeded ? Ok() : BadRequest(Reason(result.Failure.ToString()!, result.Description!));
    }

    /// <summary>§2.5: one <c>logout_token</c> in an <c>application/x-www-form-urlencoded</c> body; anything else is none.</summary>
    private async Task<string?> ReadLogoutTokenAsync(CancellationToken cancellationToken)
    {
        if (!Request.HasFormContentType)
        {
            return null;
        }

        try
        {
            var values = (await Request.ReadFormAsync(cancellationToken))["logout_token"];
            return values.Count == 1 ? values[0] : null;
        }
        catch (InvalidDataException)
        {
            return null; // a malformed or oversized form
        }
    }

    /// <summary>The OAuth error response shape §2.8 allows, plus the library's typed reason.</summary>
    private static Dictionary<string, string> Reason(string reason, string description) => new()
    {
        ["error"] = "invalid_request",
        ["error_description"] = description,
        ["reason"] = reason,
    };
}
