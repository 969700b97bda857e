using System.Text.Json;

namespace OAuthWebClient.Client.Claims;

/// <summary>
/// Which claims of the ID token (OIDC Core §2) and the UserInfo answer (§5.3.2) become the session's name, email and
/// roles. Built from <see cref="OAuthClientOptions"/>; a provider preset (Keycloak, Entra ID, Auth0) sets other paths.
/// </summary>
internal sealed record ClaimMapping
{
    /// <summary>Where the name is looked for when <see cref="Name"/> is absent (OIDC Core §5.1), in order.</summary>
    private static readonly ClaimPath[] NameFallbacks = [ClaimPath.From("preferred_username")!, ClaimPath.From("sub")!];

    public ClaimPath? Name { get; init; }

    public ClaimPath? Email { get; init; }

    public ClaimPath? Roles { get; init; }

    public static ClaimMapping From(OAuthClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new()
        {
            Name = ClaimPath.From(options.NameClaim),
            Email = ClaimPath.From(options.EmailClaim),
            Roles = ClaimPath.From(options.RoleClaim),
        };
    }

    /// <summary>
    /// The mapped claims from <paramref name="sources"/>, most trusted first (UserInfo, then the ID token): each claim
    /// comes from the first source that has it. Only what is mapped is kept, so the session stays small.
    /// </summary>
    public UserClaims Map(params IReadOnlyList<JsonElement> sources)
    {
        var name = Name is null ? null : First(sources, Name, ClaimValues.Single);
        foreach (var fallback in NameFallbacks)
        {
            name ??= First(sources, fallback, ClaimValues.Single);
        }

        return new UserClaims
        {
            Name = name,
            Email = Email is null ? null : First(sources, Email, ClaimValues.Single),
            Roles = Roles is null ? [] : sources.Select(s => Roles.Find(s)).FirstOrDefault(v => v is not null) is { } roles ? ClaimValues.List(roles) : [],
        };
    }

    private static string? First(IReadOnlyList<JsonElement> sources, ClaimPath path, Func<JsonElement?, string?> read) =>
        sources.Select(s => read(path.Find(s))).FirstOrDefault(v => v is not null);
}
