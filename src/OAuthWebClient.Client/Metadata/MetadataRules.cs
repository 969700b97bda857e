using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace OAuthWebClient.Client.Metadata;

/// <summary>
/// What a metadata document (or the endpoints set by hand) must hold before this client uses it, checked once when it
/// is loaded: an authorization and a token endpoint (RFC 8414 §2), a jwks_uri when <c>openid</c> is requested (OIDC
/// Discovery §3), each an absolute URL without a fragment (RFC 6749 §3.1, §3.2), https unless on loopback or
/// <c>OAuth:RequireHttpsMetadata</c> is set to false. Optional endpoints, when present, follow the same rules.
/// </summary>
internal static class MetadataRules
{
    public static void ThrowIfUnusable(OpenIdConnectConfiguration configuration, OAuthClientOptions options, string source)
    {
        var problems = Check(configuration, options);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"The authorization server's metadata ({source}) cannot be used: {string.Join(" ", problems)}");
        }
    }

    public static List<string> Check(OpenIdConnectConfiguration configuration, OAuthClientOptions options)
    {
        var problems = new List<string>();
        // Loopback is always allowed; anything else needs https unless RequireHttpsMetadata is explicitly false
        // (not merely defaulted off for an http loopback authority: its metadata may still point elsewhere).
        var requireHttps = options.RequireHttpsMetadata != false;
        CheckEndpoint(problems, "authorization_endpoint", configuration.AuthorizationEndpoint, required: true, requireHttps);
        CheckEndpoint(problems, "token_endpoint", configuration.TokenEndpoint, required: true, requireHttps);
        CheckEndpoint(problems, "jwks_uri", configuration.JwksUri, required: options.RequestsOpenId, requireHttps);
        CheckEndpoint(problems, "revocation_endpoint", configuration.RevocationEndpoint, required: false, requireHttps);
        CheckEndpoint(problems, "end_session_endpoint", configuration.EndSessionEndpoint, required: false, requireHttps);
        CheckEndpoint(problems, "pushed_authorization_request_endpoint", configuration.PushedAuthorizationRequestEndpoint, required: false, requireHttps);
        CheckEndpoint(problems, "userinfo_endpoint", options.UseUserInfo ? configuration.UserInfoEndpoint : null, required: false, requireHttps);
        return problems;
    }

    /// <summary>A usable endpoint URL, or null.</summary>
    public static Uri? Parse(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) &&
        string.IsNullOrEmpty(uri.Fragment)
            ? uri
            : null;

    private static void CheckEndpoint(List<string> problems, string name, string? value, bool required, bool requireHttps)
    {
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                problems.Add($"It has no {name}.");
            }

            return;
        }

        if (Parse(value) is not { } uri)
        {
            problems.Add($"Its {name} is not an absolute http(s) URL without a fragment.");
        }
        else if (requireHttps && uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback)
        {
            problems.Add($"Its {name} ({BackchannelHttp.WithoutQuery(uri)}) is not https.");
        }
    }
}
