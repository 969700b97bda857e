namespace Sandbox.AuthServer.Models;

/// <summary>The login form (<c>/account/login</c>).</summary>
public sealed class LoginViewModel
{
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Where to go after signing in; only local URLs are followed.</summary>
    public string? ReturnUrl { get; set; }

    /// <summary>A message shown above the form after a failed attempt.</summary>
    public string? Error { get; set; }
}
