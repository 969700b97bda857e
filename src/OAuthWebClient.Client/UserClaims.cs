namespace OAuthWebClient.Client;

/// <summary>
/// The claims mapped at sign-in (<see cref="OAuthClientOptions.NameClaim"/>, <see cref="OAuthClientOptions.EmailClaim"/>,
/// <see cref="OAuthClientOptions.RoleClaim"/>), kept with the session's tokens on the server and restored into the
/// signed-in principal on each request — so they never grow the cookie.
/// </summary>
public sealed record UserClaims
{
    /// <summary>The display name; null when the tokens carry none.</summary>
    public string? Name { get; init; }

    /// <summary>The email address; null when not mapped or not released.</summary>
    public string? Email { get; init; }

    /// <summary>The roles, distinct, in the order the server listed them; empty when none.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>Equal when the name, email and roles (in order) are equal.</summary>
    public bool Equals(UserClaims? other) =>
        other is not null && Name == other.Name && Email == other.Email && Roles.SequenceEqual(other.Roles, StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Email, Roles.Count);
}
