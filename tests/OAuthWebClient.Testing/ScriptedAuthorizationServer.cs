using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace OAuthWebClient.Testing;

/// <summary>
/// A hostile-on-demand authorization server (and a tiny photos API) for the client's back-channel: it serves
/// metadata, a JWKS and token responses that each test chooses — alg none, a foreign issuer, a missing nonce,
/// HTML from a proxy, a hang — and counts every call. It is a test double on purpose: the real sandbox never
/// misbehaves. It listens nowhere; <see cref="CreateHandler"/> is wired in as the client's primary HTTP handler.
/// </summary>
public sealed partial class ScriptedAuthorizationServer
{
    public const string DefaultIssuer = "http://127.0.0.1:6001/";
    public static readonly Uri DefaultPhotosApiOrigin = new("http://127.0.0.1:6002/");
    public const string ClientId = "scripted-client";
    public const string ClientSecret = "scripted-client-secret-0123456789";

    private readonly ConcurrentDictionary<string, AuthorizationRequestSeen> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _usedCodes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _refreshTokens = new(StringComparer.Ordinal);
    private volatile SecurityKey[] _publishedKeys;
    private int _metadataFetches;
    private int _jwksFetches;
    private int _tokenCalls;
    private int _revocationCalls;
    private int _photosCalls;

    public ScriptedAuthorizationServer(string issuer = DefaultIssuer, TimeProvider? time = null)
    {
        Issuer = issuer;
        Time = time ?? TimeProvider.System;
        SigningKey = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "rsa-1" };
        _publishedKeys = [SigningKey];
        TokenEndpoint = (request, _) => Task.FromResult(DefaultTokenResponse(request));
    }

    /// <summary>The issuer identifier; the endpoints live under it.</summary>
    public string Issuer { get; }

    /// <summary>Where its tiny photos API answers (<c>GET /photos</c>).</summary>
    public Uri PhotosApiOrigin { get; private init; } = DefaultPhotosApiOrigin;

    /// <summary>Set when it listens on real sockets (<see cref="ListenOnLoopbackAsync"/>); null when it is only a handler.</summary>
    public LoopbackServer? Listener { get; private init; }

    /// <summary>Every request it received, at any path (redirect targets included).</summary>
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>An answer to use instead of the normal one for any request (a redirect, a challenge), or null to answer normally.</summary>
    public Func<HttpRequestMessage, HttpResponseMessage?>? Fault { get; set; }

    /// <summary>Answers the photos API's requests instead of the default gallery, when it returns a response.</summary>
    public Func<RecordedRequest, HttpResponseMessage?>? PhotosApi { get; set; }

    /// <summary>
    /// The same server on real loopback sockets (Kestrel): the issuer and the photos API on two free ports. The client
    /// then keeps its real primary HTTP handler, so what only the real stack does (redirects, slow bodies) is tested.
    /// </summary>
    public static async Task<ScriptedAuthorizationServer> ListenOnLoopbackAsync()
    {
        var listener = await LoopbackServer.StartAsync(ports: 2);
        var server = new ScriptedAuthorizationServer(listener.Origins[0].AbsoluteUri)
        {
            PhotosApiOrigin = listener.Origins[1],
            Listener = listener,
        };
        listener.Handler = server.CreateHandler();
        return server;
    }

    public TimeProvider Time { get; set; }

    /// <summary>The user the next default ID tokens describe (<c>sub</c>, <c>name</c>).</summary>
    public string UserName { get; set; } = "Scripted User";

    /// <summary>The key the default ID tokens are signed with (RS256, kid <c>rsa-1</c>).</summary>
    public RsaSecurityKey SigningKey { get; }

    // ---- Metadata (RFC 8414 / OIDC Discovery) ----

    /// <summary>The issuer the metadata document names; by default <see cref="Issuer"/>.</summary>
    public string? MetadataIssuer { get; set; }

    /// <summary>RFC 9207 §3: <c>authorization_response_iss_parameter_supported</c>.</summary>
    public bool AdvertisesIssParameter { get; set; } = true;

    /// <summary>Changes the metadata document before it is sent (a member removed, an endpoint replaced).</summary>
    public Action<Dictionary<string, object>>? EditMetadata { get; set; }

    /// <summary>How far the server's clock (its Date header) is ahead of <see cref="Time"/>. Default: in sync.</summary>
    public TimeSpan ClockOffset { get; set; }

    /// <summary>While true, the metadata endpoint answers 503 (a server that is still starting).</summary>
    public bool MetadataUnavailable { get; set; }

    // ---- Token endpoint ----

    /// <summary>The token endpoint's behaviour for the current test. Default: <see cref="DefaultTokenResponse"/>.</summary>
    public Func<ScriptedTokenRequest, CancellationToken, Task<HttpResponseMessage>> TokenEndpoint { get; set; }

    public ConcurrentQueue<ScriptedTokenRequest> TokenRequests { get; } = new();

    /// <summary>Every token endpoint response body sent (for the no-secret-in-logs check).</summary>
    public ConcurrentQueue<string> TokenResponses { get; } = new();

    public int MetadataFetches => _metadataFetches;

    public int JwksFetches => _jwksFetches;

    public int TokenCalls => _tokenCalls;

    public int RevocationCalls => _revocationCalls;

    public int PhotosApiCalls => _photosCalls;

    public Uri AuthorizationEndpoint => new(Issuer + "authorize");

    public Uri TokenEndpointUri => new(Issuer + "token");

    /// <summary>Sets a synchronous token endpoint behaviour.</summary>
    public void RespondToTokenRequests(Func<ScriptedTokenRequest, HttpResponseMessage> respond) =>
        TokenEndpoint = (request, _) => Task.FromResult(respond(request));

    /// <summary>Replaces the keys the JWKS publishes (key rotation, or a hostile JWKS).</summary>
    public void PublishKeys(params SecurityKey[] keys) => _publishedKeys = keys;

    /// <summary>A fresh primary handler for one of the client's HttpClients (the factory disposes rotated handlers).</summary>
    public HttpMessageHandler CreateHandler() => new Handler(this);

    private async Task<HttpResponseMessage> AnswerAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var recorded = RecordedRequest.From(request, request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken));
        Requests.Enqueue(recorded);
        try
        {
            return await AnswerRecordedAsync(request, recorded, cancellationToken);
        }
        finally
        {
            MarkCompleted(recorded.Path);
        }
    }

    private async Task<HttpResponseMessage> AnswerRecordedAsync(HttpRequestMessage request, RecordedRequest recorded, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        if (Fault?.Invoke(request) is { } fault)
        {
            return fault;
        }

        if (uri.GetLeftPart(UriPartial.Authority) == PhotosApiOrigin.GetLeftPart(UriPartial.Authority))
        {
            Interlocked.Increment(ref _photosCalls);
            if (PhotosApi?.Invoke(recorded) is { } answer)
            {
                return answer;
            }

            return uri.AbsolutePath == "/photos"
                ? Json(HttpStatusCode.OK, """[{"id":"scripted-photo","title":"Scripted harbour","width":640,"height":480}]""")
                : new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        var issuerUri = new Uri(Issuer);
        if (uri.GetLeftPart(UriPartial.Authority) != issuerUri.GetLeftPart(UriPartial.Authority))
        {
            throw new HttpRequestException(HttpRequestError.NameResolutionError, $"No such host is known ({uri.Host}).");
        }

        var path = uri.AbsolutePath;
        if (_routes.TryGetValue(path, out var route))
        {
            return await route(recorded, cancellationToken);
        }

        var issuerPath = issuerUri.AbsolutePath.TrimEnd('/');
        if (path == issuerPath + "/.well-known/openid-configuration")
        {
            Interlocked.Increment(ref _metadataFetches);
            var metadata = MetadataUnavailable
                ? Text(HttpStatusCode.ServiceUnavailable, "<html><body>Starting up</body></html>", "text/html")
                : Json(HttpStatusCode.OK, EditedMetadata());
            metadata.Headers.Date = Time.GetUtcNow() + ClockOffset;
            return metadata;
        }

        if (path == issuerPath + "/jwks")
        {
            Interlocked.Increment(ref _jwksFetches);
            return Json(HttpStatusCode.OK, "{\"keys\":[" + string.Join(',', _publishedKeys.Select(Jwk)) + "]}");
        }

        if (path == issuerPath + "/token" && request.Method == HttpMethod.Post)
        {
            Interlocked.Increment(ref _tokenCalls);
            var form = ScriptedTokenRequest.ParseForm(recorded.Body);
            var issued = form.TryGetValue("code", out var code) && _codes.TryGetValue(code, out var seen) ? seen : null;
            var tokenRequest = new ScriptedTokenRequest(form, request.Headers.Authorization?.ToString(), issued) { DPoP = recorded.DPoP };
            TokenRequests.Enqueue(tokenRequest);
            var response = await TokenEndpoint(tokenRequest, cancellationToken);
            if (response.Content is ByteArrayContent content)
            {
                // Only bodies held in memory: a streamed one may be endless on purpose.
                TokenResponses.Enqueue(await content.ReadAsStringAsync(cancellationToken));
            }

            return response;
        }

        if (path == issuerPath + "/userinfo")
        {
            return UserInfoAnswer(request);
        }

        if (path == issuerPath + "/revoke" && request.Method == HttpMethod.Post)
        {
            Interlocked.Increment(ref _revocationCalls);
            return new HttpResponseMessage(HttpStatusCode.OK);
        }

        return new HttpResponseMessage(HttpStatusCode.NotFound);
    }

    private sealed class Handler(ScriptedAuthorizationServer server) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            server.AnswerAsync(request, cancellationToken);
    }
}
