namespace OAuthWebClient.Client.Events;

/// <summary>One protocol parameter as it was sent or received: a plain value, or a <see cref="SecretValue"/>.</summary>
public sealed record ProtocolParameter
{
    /// <summary>The parameter's name (<c>state</c>, <c>code_challenge</c>, <c>expires_in</c>, …).</summary>
    public required string Name { get; init; }

    /// <summary>The value when it is not a secret; null when it is.</summary>
    public string? Value { get; init; }

    /// <summary>The value when it is a secret (a code, state, nonce, verifier, token or client secret); null otherwise.</summary>
    public SecretValue? Secret { get; init; }

    /// <summary>What may be shown: the plain value, or the secret's redacted form.</summary>
    public string Display => Value ?? Secret?.ToString() ?? "";

    internal static ProtocolParameter Plain(string name, string value) => new() { Name = name, Value = value };

    internal static ProtocolParameter Hidden(string name, string value) => new() { Name = name, Secret = new SecretValue(value) };
}
