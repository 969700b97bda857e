namespace OAuthWebClient.FlowInspector;

/// <summary>
/// Redaction at record time: the inspector never stores a full code, verifier, state, nonce, token or secret —
/// only a short prefix and the length, enough to recognise a value and to see that it changed.
/// </summary>
internal static class FlowRedaction
{
    /// <summary>The first <paramref name="keep"/> characters (never more than a quarter of the value) and the length.</summary>
    public static string Prefix(string value, int keep = 8)
    {
        ArgumentNullException.ThrowIfNull(value);
        var shown = Math.Min(keep, value.Length / 4);
        return $"{value[..shown]}… ({value.Length} characters)";
    }

    /// <summary>Nothing of the value but its length: for secrets (client secret, Basic credentials).</summary>
    public static string Hidden(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return $"[redacted, {value.Length} characters]";
    }
}
