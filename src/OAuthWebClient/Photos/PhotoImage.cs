namespace OAuthWebClient.Photos;

/// <summary>Image bytes relayed from the API to the browser, so the browser never holds the token.</summary>
public sealed record PhotoImage(byte[] Content, string ContentType);
