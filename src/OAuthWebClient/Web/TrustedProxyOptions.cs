using System.Net;

namespace OAuthWebClient.Web;

/// <summary>
/// The reverse proxies (section <c>ForwardedHeaders</c>) whose <c>X-Forwarded-Proto</c>, <c>X-Forwarded-Host</c> and
/// <c>X-Forwarded-For</c> are believed — from them only, never from anyone else (RFC 9700 §4.1: the redirect URI must
/// not be built from a header an attacker can set). Nothing configured: forwarded headers are ignored, loopback
/// included. <c>OAuth:PublicOrigin</c>, when set, still decides the redirect URIs.
/// </summary>
public sealed class TrustedProxyOptions
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Addresses of trusted proxies, e.g. <c>10.0.0.5</c> or <c>::1</c>. Default: none.</summary>
    public IList<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, e.g. <c>10.0.0.0/8</c>. Default: none.</summary>
    public IList<string> KnownNetworks { get; set; } = [];

    internal bool Any => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    internal IEnumerable<IPAddress> Proxies => KnownProxies.Select(p => IPAddress.TryParse(p, out var address) ? address : null).OfType<IPAddress>();

    internal IEnumerable<IPNetwork> Networks => KnownNetworks.Select(n => IPNetwork.TryParse(n, out var network) ? (IPNetwork?)network : null).OfType<IPNetwork>();

    internal IEnumerable<string> Problems() =>
        KnownProxies.Where(p => !IPAddress.TryParse(p, out _)).Select(p => $"ForwardedHeaders:KnownProxies has \"{p}\", which is not an IP address.")
            .Concat(KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)).Select(n => $"ForwardedHeaders:KnownNetworks has \"{n}\", which is not a network in CIDR notation (e.g. 10.0.0.0/8)."));
}
