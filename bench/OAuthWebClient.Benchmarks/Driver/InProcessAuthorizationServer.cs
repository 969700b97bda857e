using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using OAuthWebClient.Client.Logout;

namespace OAuthWebClient.Benchmarks.Driver;

/// <summary>
/// An authorization server that lives in an <see cref="HttpMessageHandler"/> (scenario 8: no socket, no other process):
/// metadata with a pushed authorization endpoint, a JWKS with a P-256 and an RSA-2048 key, a pushed authorization endpoint
/// that answers 201 at once (RFC 9126 §2.2), and logout tokens signed with either key (Back-Channel Logout 1.0 §2.4).
/// </summary>
internal sealed class InProcessAuthorizationServer : IDisposable
{
    public const string Issuer = "https://as.bench.example/";

    private static readonly Uri PushEndpoint = new(Issuer + "par");
    private readonly ECDsa _ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly byte[] _metadata;
    private readonly byte[] _jwks;
    private readonly byte[] _pushed = JsonSerializer.SerializeToUtf8Bytes(new { request_uri = "urn:ietf:params:oauth:request_uri:" + Guid.NewGuid().ToString("N"), expires_in = 60 });

    public InProcessAuthorizationServer()
    {
        _metadata = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = Issuer + "authorize",
            ["token_endpoint"] = Issuer + "token",
            ["pushed_authorization_request_endpoint"] = PushEndpoint.AbsoluteUri,
            ["jwks_uri"] = Issuer + "jwks",
            ["response_types_supported"] = new[] { "code" },
            ["id_token_signing_alg_values_supported"] = new[] { "ES256", "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_basic", "private_key_jwt" },
            ["backchannel_logout_supported"] = true,
            ["backchannel_logout_session_supported"] = true,
        });
        var (ec, rsa) = (_ec.ExportParameters(false), _rsa.ExportParameters(false));
        _jwks = JsonSerializer.SerializeToUtf8Bytes(new
        {
            keys = new object[]
            {
                new { kty = "EC", use = "sig", kid = "ES256", crv = "P-256", x = Base64Url.EncodeToString(ec.Q.X), y = Base64Url.EncodeToString(ec.Q.Y) },
                new { kty = "RSA", use = "sig", kid = "RS256", n = Base64Url.EncodeToString(rsa.Modulus), e = Base64Url.EncodeToString(rsa.Exponent) },
            },
        });
    }

    /// <summary>How many pushed requests it answered (a check that the measured login starts pushed).</summary>
    public int Pushed { get; private set; }

    public HttpMessageHandler CreateHandler() => new Handler(this);

    /// <summary>A valid logout token naming <paramref name="sid"/> of <paramref name="subject"/>, signed with ES256 or RS256.</summary>
    public string LogoutToken(string algorithm, string clientId, string subject, string sid)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = new Dictionary<string, object>
        {
            ["iss"] = Issuer, ["aud"] = clientId, ["iat"] = now, ["exp"] = now + 120, ["jti"] = Guid.NewGuid().ToString("N"),
            ["sub"] = subject, ["sid"] = sid,
            ["events"] = new Dictionary<string, object> { [LogoutTokenValidator.LogoutEvent] = new Dictionary<string, object>() },
        };
        var header = new Dictionary<string, object> { ["alg"] = algorithm, ["kid"] = algorithm, ["typ"] = "logout+jwt" };
        return Jws.Create(header, payload, input => algorithm == "ES256"
            ? _ec.SignData(input, HashAlgorithmName.SHA256)
            : _rsa.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    public void Dispose()
    {
        _ec.Dispose();
        _rsa.Dispose();
    }

    private sealed class Handler(InProcessAuthorizationServer server) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var (status, body) = request.RequestUri?.AbsolutePath switch
            {
                "/.well-known/openid-configuration" => (HttpStatusCode.OK, server._metadata),
                "/jwks" => (HttpStatusCode.OK, server._jwks),
                "/par" when request.Method == HttpMethod.Post => (HttpStatusCode.Created, server._pushed),
                _ => (HttpStatusCode.NotFound, "{}"u8.ToArray()),
            };
            server.Pushed += status == HttpStatusCode.Created ? 1 : 0;
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new("application/json");
            return Task.FromResult(new HttpResponseMessage(status) { Content = content, RequestMessage = request });
        }
    }
}
