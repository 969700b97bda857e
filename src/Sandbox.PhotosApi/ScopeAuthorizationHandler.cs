using Microsoft.AspNetCore.Authorization;

namespace Sandbox.PhotosApi;

/// <summary>Succeeds <see cref="ScopeRequirement"/> when the token grants the scope.</summary>
public sealed class ScopeAuthorizationHandler : AuthorizationHandler<ScopeRequirement>
{
    /// <summary>Claim types that carry granted scopes: RFC 9068 §2.2.3 <c>scope</c>, and <c>scp</c> as Entra ID sends it.</summary>
    internal static readonly string[] ScopeClaimTypes = ["scope", "scp"];

    /// <inheritdoc />
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);

        // RFC 9068 §2.2.3: one space-separated string; tolerate an array too (one claim per element).
        var granted = context.User.Claims
            .Where(claim => ScopeClaimTypes.Contains(claim.Type, StringComparer.Ordinal))
            .SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

        if (granted.Contains(requirement.Scope, StringComparer.Ordinal))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
