using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace OAuthWebClient.Testing;

// Pushed authorization requests (RFC 9126): an endpoint that keeps what was pushed under a request_uri.
public sealed partial class ScriptedAuthorizationServer
{
    public const string PushedAuthorizationPath = "/par";

    private readonly ConcurrentDictionary<string, Dictionary<string, StringValues>> _pushed = new(StringComparer.Ordinal);

    public Uri PushedAuthorizationEndpoint => new(Issuer + PushedAuthorizationPath.TrimStart('/'));

    /// <summary>
    /// Advertises <c>pushed_authorization_request_endpoint</c> (and <c>require_pushed_authorization_requests</c> when
    /// <paramref name="required"/>) and answers pushes with 201 and a fresh <c>request_uri</c> (RFC 9126 §2.2).
    /// </summary>
    public void EnablePushedAuthorization(bool required = false, bool advertise = true)
    {
        var edit = EditMetadata;
        EditMetadata = metadata =>
        {
            edit?.Invoke(metadata);
            if (advertise)
            {
                metadata["pushed_authorization_request_endpoint"] = PushedAuthorizationEndpoint.AbsoluteUri;
            }

            if (required)
            {
                metadata["require_pushed_authorization_requests"] = true;
            }
        };
        On(PushedAuthorizationPath, request =>
        {
            var requestUri = "urn:ietf:params:oauth:request_uri:" + Guid.NewGuid().ToString("N");
            _pushed[requestUri] = request.Form;
            return Json(HttpStatusCode.Created, new Dictionary<string, object> { ["request_uri"] = requestUri, ["expires_in"] = 60 });
        });
    }

    /// <summary>The request the browser was sent with: from the URL, or what was pushed for its <c>request_uri</c>.</summary>
    public AuthorizationRequestSeen Resolve(Uri location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var query = QueryHelpers.ParseQuery(location.Query);
        return query.TryGetValue("request_uri", out var requestUri) && _pushed.TryGetValue(requestUri.ToString(), out var pushed)
            ? AuthorizationRequestSeen.FromParameters(location, pushed)
            : AuthorizationRequestSeen.Parse(location);
    }
}
