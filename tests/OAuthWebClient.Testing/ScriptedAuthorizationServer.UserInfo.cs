using System.Net;

namespace OAuthWebClient.Testing;

// The UserInfo endpoint (OIDC Core §5.3): the default ID token's subject and name, plus what a test adds; or a fault.
public sealed partial class ScriptedAuthorizationServer
{
    /// <summary>Claims the UserInfo answer carries besides <c>sub</c> and <c>name</c> (a test may override <c>sub</c> too).</summary>
    public Dictionary<string, object> UserInfoClaims { get; } = new(StringComparer.Ordinal);

    /// <summary>An answer to send instead of the claims (a 503, HTML, a JWT), or null to answer normally.</summary>
    public Func<HttpRequestMessage, HttpResponseMessage>? UserInfoFault { get; set; }

    public Uri UserInfoEndpoint => new(Issuer + "userinfo");

    /// <summary>The <c>Authorization</c> header of every UserInfo request.</summary>
    public IReadOnlyList<string?> UserInfoAuthorizations => [.. Requests.Where(r => r.Path == UserInfoEndpoint.AbsolutePath).Select(r => r.Authorization)];

    private HttpResponseMessage UserInfoAnswer(HttpRequestMessage request)
    {
        if (UserInfoFault?.Invoke(request) is { } fault)
        {
            return fault;
        }

        // RFC 6750 §3.1: no bearer token, no claims.
        if (request.Headers.Authorization is not { Scheme: "Bearer", Parameter.Length: > 0 })
        {
            return new HttpResponseMessage(HttpStatusCode.Unauthorized);
        }

        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["sub"] = UserName.ToLowerInvariant().Replace(' ', '-'),
            ["name"] = UserName,
        };
        foreach (var (name, value) in UserInfoClaims)
        {
            claims[name] = value;
        }

        return Json(HttpStatusCode.OK, claims);
    }
}
