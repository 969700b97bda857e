using OAuthWebClient.Client.Events;

namespace OAuthWebClient.Client.Callback;

/// <summary>
/// The authorization response parameters (RFC 6749 §4.1.2, §4.1.2.1; RFC 9207 §2). A parameter that appears
/// more than once makes the whole response invalid (RFC 6749 §3.1).
/// </summary>
internal sealed record CallbackParameters
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

    /// <summary>The query as observers see it: at most 20 parameters, values cut at 200 characters, code and state as secrets.</summary>
    public IReadOnlyList<ProtocolParameter> Describe(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return [.. query.Take(20).Select(p => p.Key is "code" or "state"
            ? ProtocolParameter.Hidden(p.Key, p.Value.ToString())
            : ProtocolParameter.Plain(p.Key, p.Value.ToString() is { Length: > 200 } long_ ? long_[..200] + "…" : p.Value.ToString()))];
    }

    private static string? Single(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count == 1 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;
}
