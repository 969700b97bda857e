namespace Sandbox.DPoP;

/// <summary>Compares a proof's <c>htu</c> with the request URL (RFC 9449 §4.3 step 9).</summary>
public static class DPoPUrls
{
    /// <summary>
    /// Whether <paramref name="htu"/> names the same target as <paramref name="requestUrl"/>, ignoring query and fragment,
    /// after syntax- and scheme-based normalization (RFC 3986 §6.2.2, §6.2.3: case of scheme and host, default port,
    /// percent-encoding of unreserved characters, dot segments), which <see cref="Uri"/> performs.
    /// </summary>
    public static bool SameTarget(string? htu, Uri requestUrl)
    {
        ArgumentNullException.ThrowIfNull(requestUrl);
        return Uri.TryCreate(htu, UriKind.Absolute, out var claimed)
            && (claimed.Scheme == Uri.UriSchemeHttps || claimed.Scheme == Uri.UriSchemeHttp)
            && string.Equals(WithoutQuery(claimed), WithoutQuery(requestUrl), StringComparison.Ordinal);
    }

    /// <summary>Scheme, host, port (when not the default) and path: what <c>htu</c> must hold.</summary>
    public static string WithoutQuery(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
    }
}
