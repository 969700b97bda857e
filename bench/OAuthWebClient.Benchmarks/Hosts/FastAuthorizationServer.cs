using System.Buffers;
using System.Buffers.Text;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OAuthWebClient.Benchmarks.Hosts;

/// <summary>
/// The fast in-process token endpoint of scenario 2 (a benchmark double, the same for ours and the peer): metadata,
/// a JWKS with one P-256 key, and a token endpoint that answers any code at once. The driver passes the nonce it read
/// from the authorization redirect as the code, so the ID token carries <c>nonce = code</c>. ES256 keeps the double
/// cheap (a P-256 signature costs ~15 µs, an RSA-2048 one ~200 µs), so the clients' work dominates what is measured.
/// </summary>
internal static class FastAuthorizationServer
{
    private const string KeyId = "bench-es256";
    private const string Scope = "openid profile offline_access photos";

    /// <summary>Sized like the sandbox's tokens (a signed RFC 9068 JWT access token, an opaque reference refresh token), so the peer's cookie and our store carry realistic bytes.</summary>
    private static readonly string AccessToken = Filler('a', 1280);
    private static readonly string RefreshToken = new('r', 43);

    private static readonly byte[] HeaderSegment = Encoding.ASCII.GetBytes(Base64Url.EncodeToString(
        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["alg"] = "ES256", ["kid"] = KeyId, ["typ"] = "JWT" })) + ".");

    public static WebApplication Build(string url)
    {
        var builder = ServerRoles.Configure(WebApplication.CreateSlimBuilder(), url, []);
        var app = builder.Build();
        var issuer = url.TrimEnd('/') + "/";
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = key.ExportParameters(includePrivateParameters: true);
        // One key object per thread: the signing call is not documented as thread-safe.
        var signers = new ThreadLocal<ECDsa>(() => ECDsa.Create(parameters));
        var metadata = Metadata(issuer);
        var jwks = Jwks(parameters);

        app.MapGet("/.well-known/openid-configuration", () => Results.Bytes(metadata, "application/json"));
        app.MapGet("/jwks", () => Results.Bytes(jwks, "application/json"));
        app.MapPost("/connect/token", async context =>
        {
            BenchCounters.CountFastTokenRequest();
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var code = form["code"].ToString();
            var clientId = ClientId(context.Request, form);
            context.Response.ContentType = "application/json";
            context.Response.Headers.CacheControl = "no-store";
            await context.Response.Body.WriteAsync(TokenResponse(issuer, clientId, code, signers.Value!), context.RequestAborted);
        });
        app.MapGet("/_bench/counters", () => Results.Json(new
        {
            code = BenchCounters.CodeGrants,
            refresh = BenchCounters.RefreshGrants,
            fast = BenchCounters.FastTokenRequests,
        }));
        return app;
    }

    private static byte[] TokenResponse(string issuer, string clientId, string nonce, ECDsa signer)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("access_token", AccessToken);
            json.WriteString("token_type", "Bearer");
            json.WriteNumber("expires_in", 300);
            json.WriteString("refresh_token", RefreshToken);
            json.WriteString("id_token", IdToken(issuer, clientId, nonce, signer));
            json.WriteString("scope", Scope);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static string IdToken(string issuer, string clientId, string nonce, ECDsa signer)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(payload))
        {
            json.WriteStartObject();
            json.WriteString("iss", issuer);
            json.WriteString("sub", "alice");
            json.WriteString("aud", clientId);
            json.WriteNumber("iat", now);
            json.WriteNumber("exp", now + 300);
            json.WriteString("nonce", nonce);
            json.WriteString("name", "Alice Example");
            json.WriteString("preferred_username", "alice");
            json.WriteEndObject();
        }

        var signingInput = new byte[HeaderSegment.Length + Base64Url.GetEncodedLength(payload.WrittenCount)];
        HeaderSegment.CopyTo(signingInput, 0);
        Base64Url.EncodeToUtf8(payload.WrittenSpan, signingInput.AsSpan(HeaderSegment.Length));
        var signature = signer.SignData(signingInput, HashAlgorithmName.SHA256);
        return Encoding.ASCII.GetString(signingInput) + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>client_secret_basic (ours) or client_secret_post (the OpenIdConnect handler's default).</summary>
    private static string ClientId(HttpRequest request, IFormCollection form)
    {
        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header) && header is { Scheme: "Basic", Parameter: { } value })
        {
            var credentials = Encoding.UTF8.GetString(Convert.FromBase64String(value));
            return Uri.UnescapeDataString(credentials[..credentials.IndexOf(':', StringComparison.Ordinal)].Replace('+', ' '));
        }

        return form["client_id"].ToString();
    }

    private static byte[] Metadata(string issuer) => JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
    {
        ["issuer"] = issuer,
        ["authorization_endpoint"] = issuer + "connect/authorize",
        ["token_endpoint"] = issuer + "connect/token",
        ["jwks_uri"] = issuer + "jwks",
        ["response_types_supported"] = new[] { "code" },
        ["response_modes_supported"] = new[] { "query" },
        ["grant_types_supported"] = new[] { "authorization_code" },
        ["subject_types_supported"] = new[] { "public" },
        ["id_token_signing_alg_values_supported"] = new[] { "ES256" },
        ["code_challenge_methods_supported"] = new[] { "S256" },
        ["scopes_supported"] = Scope.Split(' '),
        ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_basic", "client_secret_post" },
        ["authorization_response_iss_parameter_supported"] = true,
    });

    private static byte[] Jwks(ECParameters key) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        keys = new[]
        {
            new Dictionary<string, string>
            {
                ["kty"] = "EC",
                ["crv"] = "P-256",
                ["use"] = "sig",
                ["alg"] = "ES256",
                ["kid"] = KeyId,
                ["x"] = Base64Url.EncodeToString(key.Q.X),
                ["y"] = Base64Url.EncodeToString(key.Q.Y),
            },
        },
    });

    /// <summary>A token-shaped string (three base64url segments) of the given length.</summary>
    private static string Filler(char c, int length)
    {
        var chars = new string(c, length).ToCharArray();
        chars[length / 5] = '.';
        chars[length * 4 / 5] = '.';
        return new string(chars);
    }
}
