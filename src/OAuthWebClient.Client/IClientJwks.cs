namespace OAuthWebClient.Client;

/// <summary>
/// The public keys of the client's <c>private_key_jwt</c> keys (<see cref="OAuthClientOptions.ClientAssertion"/>) of every
/// provider, as a JWK Set (RFC 7517 §5): what <c>MapClientJwks</c> serves, and what a server registers the client with.
/// </summary>
public interface IClientJwks
{
    /// <summary>The JWK Set document, public members only; <c>{"keys":[]}</c> when no key is configured.</summary>
    string Document { get; }
}
