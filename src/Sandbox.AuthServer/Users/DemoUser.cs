namespace Sandbox.AuthServer.Users;

/// <summary>A hard-coded sandbox user.</summary>
/// <param name="Username">What the user types on the login page.</param>
/// <param name="Subject">The stable <c>sub</c> claim (OIDC Core §2).</param>
/// <param name="Name">The <c>name</c> claim, released with the <c>profile</c> scope.</param>
/// <param name="Email">The <c>email</c> claim, released with the <c>email</c> scope.</param>
/// <param name="Roles">The <c>roles</c> claim, released with the <c>profile</c> scope, like <c>name</c>.</param>
public sealed record DemoUser(string Username, string Subject, string Name, string Email, IReadOnlyList<string> Roles);
