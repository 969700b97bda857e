using Microsoft.EntityFrameworkCore;

namespace Sandbox.AuthServer.Data;

/// <summary>Holds OpenIddict's applications, authorizations, scopes and tokens (entities added by UseOpenIddict).</summary>
public sealed class AuthServerDbContext(DbContextOptions<AuthServerDbContext> options) : DbContext(options);
