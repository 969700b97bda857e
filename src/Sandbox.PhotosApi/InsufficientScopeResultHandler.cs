using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Net.Http.Headers;

namespace Sandbox.PhotosApi;

/// <summary>
/// Adds the RFC 6750 §3.1 challenge to a 403 caused by a missing scope:
/// <c>WWW-Authenticate: Bearer error="insufficient_scope", scope="photos"</c>.
/// </summary>
internal sealed class InsufficientScopeResultHandler(ILogger<InsufficientScopeResultHandler> logger) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);

        if (authorizeResult.Forbidden
            && authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<ScopeRequirement>().FirstOrDefault() is { } missing)
        {
            logger.InsufficientScope(missing.Scope);
            context.Response.Headers.Append(
                HeaderNames.WWWAuthenticate,
                $"Bearer error=\"insufficient_scope\", error_description=\"The access token does not grant the '{missing.Scope}' scope.\", scope=\"{missing.Scope}\"");
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
