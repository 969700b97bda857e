namespace OAuthWebClient.Callback;

/// <summary>
/// The authorization response parameters (RFC 6749 §4.1.2, §4.1.2.1; RFC 9207 §2). A parameter that appears
/// more than once makes the whole response invalid (RFC 6749 §3.1).
/// </summary>
public sealed record CallbackParameters
{
    private static readonly string[] Names = ["state", "code", "iss", "error", "error_description", "error_uri"];

    public string? State { get; private init; }

    public string? Code { get; private init; }

    public string? Iss { get; private init; }

    public string? Error { get; private init; }

    public string? ErrorDescription { get; private init; }

    public string? ErrorUri { get; private init; }

    /// <summary>The first parameter found more than once, if any.</summary>
    public string? Duplicate { get; private init; }

    public static CallbackParameters From(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var duplicate = Names.FirstOrDefault(name => query.TryGetValue(name, out var values) && values.Count > 1);
        return new CallbackParameters
        {
            State = Single(query, "state"),
            Code = Single(query, "code"),
            Iss = Single(query, "iss"),
            Error = Single(query, "error"),
            ErrorDescription = Single(query, "error_description"),
            ErrorUri = Single(query, "error_uri"),
            Duplicate = duplicate,
        };
    }

    private static string? Single(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count == 1 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;
}
