using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using Sandbox.AuthServer.Authorization;
using Sandbox.AuthServer.Configuration;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Sandbox.AuthServer.Data;

/// <summary>Turns a configured <see cref="ClientRegistration"/> into an OpenIddict application descriptor.</summary>
internal static class ClientDescriptorFactory
{
    public static OpenIddictApplicationDescriptor Create(ClientRegistration client)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            // Hashed by the application manager before it is stored; none for a client that authenticates with assertions.
            ClientSecret = string.IsNullOrWhiteSpace(client.ClientSecret) ? null : client.ClientSecret,
            // RFC 7523 §2.2 private_key_jwt: client assertions are verified with these public keys.
            JsonWebKeySet = string.IsNullOrWhiteSpace(client.Jwks) ? null : new JsonWebKeySet(client.Jwks),
            ClientType = ClientTypes.Confidential,
            ConsentType = ConsentTypes.Explicit,
            DisplayName = string.IsNullOrWhiteSpace(client.DisplayName) ? client.ClientId : client.DisplayName,
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.PushedAuthorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.Revocation,
                Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode,
                // The refresh_token grant permission also allows the offline_access scope.
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile,
                Permissions.Scopes.Email,
                Permissions.Prefixes.Scope + SandboxScopes.Photos,
            },
            // RFC 9700 §2.1.1: PKCE for this client, whatever the server-wide default.
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };

        if (client.RequirePushedAuthorizationRequests)
        {
            descriptor.Requirements.Add(Requirements.Features.PushedAuthorizationRequests);
        }

        foreach (var uri in client.RedirectUris)
        {
            descriptor.RedirectUris.Add(new Uri(uri, UriKind.Absolute));
        }

        foreach (var uri in client.PostLogoutRedirectUris)
        {
            descriptor.PostLogoutRedirectUris.Add(new Uri(uri, UriKind.Absolute));
        }

        return descriptor;
    }
}
