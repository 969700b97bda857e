namespace OAuthWebClient.Client.Tokens;

/// <summary>
/// How the client authenticates at the revocation endpoint. RFC 8414 §2: the server lists the methods it accepts there in
/// <c>revocation_endpoint_auth_methods_supported</c>; when absent, the default is <c>client_secret_basic</c> — the same
/// as the token endpoint's, so the configured <see cref="OAuthClientOptions.ClientAuthentication"/> is kept.
/// </summary>
internal static class RevocationAuthentication
{
    private static readonly ClientAuthenticationMethod[] WithSecret = [ClientAuthenticationMethod.ClientSecretBasic, ClientAuthenticationMethod.ClientSecretPost];

    /// <summary>
    /// The configured method when the server advertises it (or advertises nothing); else the first of ours it advertises;
    /// else the configured one (the server's answer then says what went wrong).
    /// </summary>
    public static ClientAuthenticationMethod Choose(OAuthClientOptions options, ICollection<string> advertised)
    {
        var configured = options.ClientAuthentication;
        if (advertised.Count == 0 || advertised.Contains(Name(configured)))
        {
            return configured;
        }

        // Only methods the client has credentials for: a secret for the secret methods, keys for private_key_jwt.
        // FAPI 2.0 §5.3.2.1: never a shared secret, even one left in the configuration.
        IEnumerable<ClientAuthenticationMethod> usable = string.IsNullOrEmpty(options.ClientSecret) || options.IsFapi2 ? [] : WithSecret;
        if (options.ClientAssertion.AllKeys.Any())
        {
            usable = usable.Prepend(ClientAuthenticationMethod.PrivateKeyJwt);
        }

        foreach (var method in usable)
        {
            if (advertised.Contains(Name(method)))
            {
                return method;
            }
        }

        return configured;
    }

    /// <summary>The method's name in metadata (RFC 8414 §2, OIDC Registration §2 <c>token_endpoint_auth_method</c>).</summary>
    public static string Name(ClientAuthenticationMethod method) => method switch
    {
        ClientAuthenticationMethod.ClientSecretPost => "client_secret_post",
        ClientAuthenticationMethod.PrivateKeyJwt => "private_key_jwt",
        _ => "client_secret_basic",
    };
}
