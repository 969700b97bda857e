namespace OAuthWebClient.Client;

/// <summary>How the client authenticates at the token, pushed authorization and revocation endpoints (RFC 6749 §2.3.1).</summary>
public enum ClientAuthenticationMethod
{
    /// <summary>HTTP Basic with the form-url-encoded client id and secret. The default.</summary>
    ClientSecretBasic,

    /// <summary><c>client_id</c> and <c>client_secret</c> in the request body.</summary>
    ClientSecretPost,

    /// <summary>
    /// A JWT signed with the client's private key (RFC 7523 §2.2, OIDC Core §9 <c>private_key_jwt</c>): no shared secret.
    /// The keys are in <see cref="OAuthClientOptions.ClientAssertion"/>.
    /// </summary>
    PrivateKeyJwt,
}
