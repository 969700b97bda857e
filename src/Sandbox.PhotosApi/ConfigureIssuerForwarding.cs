using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Sandbox.DPoP;

namespace Sandbox.PhotosApi;

/// <summary>
/// Makes <see cref="JwtBearerDefaults.AuthenticationScheme"/> forward to the scheme of the authority the token's
/// (not yet validated) <c>iss</c> names.
/// </summary>
/// <remarks>
/// Why one JwtBearer scheme per authority rather than one handler with every authority's keys: each scheme has its own
/// discovery and JWKS and validates <c>iss</c> exactly against its own metadata's <c>issuer</c> with only its own keys
/// (OIDC Discovery 1.0 §4.3, RFC 8414 §3.3; RFC 9068 §4), so a token signed by authority A's key can never pass as one
/// issued by B. The token may come as <c>Bearer</c> or as <c>DPoP</c> (RFC 9449 §7.1). The unvalidated <c>iss</c> only
/// picks the scheme; a token naming no trusted authority (or no JWT at all)
/// goes to the first one, whose issuer check refuses it with 401 <c>invalid_token</c> — and a request without a token
/// gets its plain <c>Bearer</c> challenge (RFC 6750 §3.1).
/// </remarks>
internal sealed class ConfigureIssuerForwarding(IOptions<PhotosApiOptions> apiOptions) : IConfigureNamedOptions<PolicySchemeOptions>
{
    private static readonly JsonWebTokenHandler Reader = new();

    public void Configure(PolicySchemeOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, PolicySchemeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name == JwtBearerDefaults.AuthenticationScheme)
        {
            var authorities = apiOptions.Value.ResolveAuthorities();
            options.ForwardDefaultSelector = context => Select(context, authorities);
        }
    }

    internal static string Select(HttpContext context, IReadOnlyList<string> authorities)
    {
        var issuer = UnvalidatedIssuer(BearerToken(context.Request.Headers.Authorization.ToString()) ?? DPoPHttp.DPoPAccessToken(context.Request));
        for (var i = 0; i < authorities.Count; i++)
        {
            if (PhotosApiOptions.SameAuthority(authorities[i], issuer))
            {
                return AuthoritySchemes.Name(i);
            }
        }

        return AuthoritySchemes.Name(0);
    }

    // RFC 6750 §2.1: "Bearer" (case-insensitive, RFC 7235 §2.1) and the token, as the JwtBearer handler reads it.
    private static string? BearerToken(string authorization)
    {
        const string Scheme = "Bearer ";
        return authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? authorization[Scheme.Length..].Trim() : null;
    }

    private static string? UnvalidatedIssuer(string? token)
    {
        if (token is null || !Reader.CanReadToken(token))
        {
            return null;
        }

        try
        {
            return Reader.ReadJsonWebToken(token).Issuer;
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenException)
        {
            return null; // malformed: the first scheme refuses it
        }
    }
}
