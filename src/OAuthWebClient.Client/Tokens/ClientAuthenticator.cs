using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using OAuthWebClient.Client.Assertions;
using OAuthWebClient.Client.Events;

namespace OAuthWebClient.Client.Tokens;

/// <summary>
/// Authenticates the client at the token, pushed authorization (RFC 9126 §2.1: as at the token endpoint) and revocation
/// endpoints: <c>client_secret_basic</c> / <c>client_secret_post</c> (RFC 6749 §2.3.1), <c>private_key_jwt</c>
/// (RFC 7523 §2.2), or only <c>client_id</c> for a public client.
/// </summary>
internal sealed class ClientAuthenticator([FromKeyedServices] IOptions<OAuthClientOptions> options, [FromKeyedServices] ClientAssertionFactory assertions)
{
    private readonly OAuthClientOptions _options = options.Value;

    /// <summary>
    /// Adds the credentials to <paramref name="request"/> or <paramref name="form"/>; returns what observers may see of an
    /// assertion, built only when someone <paramref name="observes"/> (the events seam costs nothing unobserved).
    /// </summary>
    public SignedJwtView? Apply(HttpRequestMessage request, Dictionary<string, string> form, ClientAuthenticationMethod method, TokenCall call, bool observes)
    {
        if (method == ClientAuthenticationMethod.PrivateKeyJwt)
        {
            var assertion = assertions.Create(call.Issuer, call.Endpoint);
            form["client_id"] = _options.ClientId;
            form["client_assertion_type"] = ClientAssertionFactory.AssertionType;
            form["client_assertion"] = assertion;
            return observes ? SignedJwtView.Of(assertion) : null;
        }

        var secret = _options.ClientSecret;
        if (string.IsNullOrEmpty(secret) || method == ClientAuthenticationMethod.ClientSecretPost)
        {
            form["client_id"] = _options.ClientId;
            if (!string.IsNullOrEmpty(secret))
            {
                form["client_secret"] = secret;
            }

            return null;
        }

        // RFC 6749 §2.3.1: id and secret are form-url-encoded before being joined and base64-encoded.
        var credentials = $"{WebUtility.UrlEncode(_options.ClientId)}:{WebUtility.UrlEncode(secret)}";
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        return null;
    }

    /// <summary>The method's name for observers (RFC 8414 §2), <c>none</c> for a public client.</summary>
    public string Describe(ClientAuthenticationMethod method) =>
        method != ClientAuthenticationMethod.PrivateKeyJwt && string.IsNullOrEmpty(_options.ClientSecret) ? "none" : RevocationAuthentication.Name(method);
}
