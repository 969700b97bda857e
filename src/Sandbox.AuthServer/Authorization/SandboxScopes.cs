using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Sandbox.AuthServer.Authorization;

/// <summary>The scopes this server knows and how the consent page describes them.</summary>
public static class SandboxScopes
{
    /// <summary>Read access to the sandbox Photos API.</summary>
    public const string Photos = "photos";

    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        [Scopes.OpenId] = "Sign you in and know who you are.",
        [Scopes.Profile] = "See your name and roles.",
        [Scopes.Email] = "See your email address.",
        [Scopes.OfflineAccess] = "Stay connected when you are not using it (refresh tokens).",
        [Photos] = "View your photos in the Photos API.",
    };

    /// <summary>A plain-language description of a scope (the scope name itself when unknown).</summary>
    public static string Describe(string scope) => Descriptions.GetValueOrDefault(scope, scope);
}
