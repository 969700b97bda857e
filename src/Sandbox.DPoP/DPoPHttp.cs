using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Net.Http.Headers;

namespace Sandbox.DPoP;

/// <summary>Reading DPoP requests: the access token of an <c>Authorization: DPoP</c> header, and the URL a proof names.</summary>
public static class DPoPHttp
{
    /// <summary>
    /// The token of an <c>Authorization: DPoP &lt;token&gt;</c> header (RFC 9449 §7.1; the scheme is case-insensitive,
    /// RFC 9110 §11.1), or null when the request uses another scheme or none.
    /// </summary>
    public static string? DPoPAccessToken(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        const string Prefix = DPoPConstants.Scheme + " ";
        var authorization = request.Headers[HeaderNames.Authorization].ToString();
        return authorization.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && authorization.Length > Prefix.Length
            ? authorization[Prefix.Length..].Trim()
            : null;
    }

    /// <summary>The URL the request was sent to, without query: what <c>htu</c> must name when no public URL is configured.</summary>
    public static Uri RequestUrl(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new Uri(UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path));
    }

    /// <summary>The checks of a proof sent with <paramref name="request"/>, and <paramref name="accessToken"/> when one is presented.</summary>
    public static DPoPProofRequest ProofRequest(HttpRequest request, Uri url, string? accessToken = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new DPoPProofRequest
        {
            Proof = request.Headers[DPoPConstants.Scheme],
            Method = request.Method,
            Url = url,
            AccessToken = accessToken,
        };
    }
}
