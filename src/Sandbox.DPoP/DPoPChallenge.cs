namespace Sandbox.DPoP;

/// <summary>The <c>WWW-Authenticate: DPoP …</c> challenge of a protected resource (RFC 9449 §7.1, RFC 6750 §3 parameters).</summary>
public static class DPoPChallenge
{
    /// <summary>
    /// <c>DPoP algs="…"</c>, with <c>error</c> and <c>error_description</c> first when a token or proof was refused
    /// (none when the request had no credentials, RFC 6750 §3.1).
    /// </summary>
    public static string Format(string? error = null, string? description = null)
    {
        var parameters = new List<string>();
        if (!string.IsNullOrEmpty(error))
        {
            parameters.Add($"error=\"{Quote(error)}\"");
        }

        if (!string.IsNullOrEmpty(description))
        {
            parameters.Add($"error_description=\"{Quote(description)}\"");
        }

        parameters.Add($"algs=\"{DPoPAlgorithms.SpaceSeparated}\"");
        return DPoPConstants.Scheme + " " + string.Join(", ", parameters);
    }

    // RFC 9110 §5.6.4 quoted-string: escape backslash and double quote.
    private static string Quote(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
