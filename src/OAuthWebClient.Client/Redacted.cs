namespace OAuthWebClient.Client;

/// <summary>How a credential appears where a value is printed (a record's <c>ToString()</c>): whether it is there, never what it is.</summary>
internal static class Redacted
{
    public static string Of(string? secret) => secret is null ? "null" : "(redacted)";
}
