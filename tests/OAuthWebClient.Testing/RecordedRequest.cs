using System.Net.Http.Headers;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace OAuthWebClient.Testing;

/// <summary>One request as a test double saw it (body read before the response was produced).</summary>
public sealed record RecordedRequest(string Method, Uri Uri, string? Authorization, string? Body)
{
    public string Path => Uri.AbsolutePath;

    /// <summary>The body read as <c>application/x-www-form-urlencoded</c> (empty without a body).</summary>
    public Dictionary<string, StringValues> Form => QueryHelpers.ParseQuery(Body ?? "");

    /// <summary>The <c>Authorization</c> header parsed into scheme and parameter; null without one.</summary>
    public AuthenticationHeaderValue? AuthorizationHeader =>
        Authorization is null ? null : AuthenticationHeaderValue.Parse(Authorization);

    /// <summary>The <c>DPoP</c> proof header (RFC 9449 §4.1), if one was sent.</summary>
    public string? DPoP { get; init; }

    /// <summary>Records <paramref name="request"/> with the body it was sent with.</summary>
    public static RecordedRequest From(HttpRequestMessage request, string? body) =>
        new(request.Method.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), body)
        {
            DPoP = request.Headers.TryGetValues("DPoP", out var proofs) ? string.Join(",", proofs) : null,
        };
}
