using Microsoft.AspNetCore.Authorization;

namespace Sandbox.PhotosApi;

/// <summary>The access token must grant <see cref="Scope"/> (RFC 9068 §2.2.3).</summary>
public sealed class ScopeRequirement(string scope) : IAuthorizationRequirement
{
    /// <summary>The scope token that must be granted.</summary>
    public string Scope { get; } = scope;
}
