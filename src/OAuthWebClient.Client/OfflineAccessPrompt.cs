namespace OAuthWebClient.Client;

/// <summary>When to send <c>prompt=consent</c> with a request for <c>offline_access</c> (OIDC Core §11).</summary>
public enum OfflineAccessPrompt
{
    /// <summary>The generic rule: <c>consent</c> is sent when <c>offline_access</c> is requested and no <see cref="OAuthClientOptions.Prompt"/> is configured.</summary>
    Auto,

    /// <summary><c>consent</c> is added to the prompt whenever <c>offline_access</c> is requested, even with another <see cref="OAuthClientOptions.Prompt"/>.</summary>
    Always,

    /// <summary>Never added: for servers that grant refresh tokens on other conditions (a server following OIDC Core §11 to the letter then issues none).</summary>
    Never,
}
