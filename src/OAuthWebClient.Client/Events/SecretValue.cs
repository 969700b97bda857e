using System.Text.Json;
using System.Text.Json.Serialization;

namespace OAuthWebClient.Client.Events;

/// <summary>
/// A code, state, verifier, nonce, token or secret carried by an event. Printing, logging or serialising it gives only
/// a short prefix and the length (<c>"eyJh… (812 characters)"</c>); the value itself takes an explicit <see cref="Reveal"/>.
/// </summary>
[JsonConverter(typeof(SecretValueJsonConverter))]
public sealed class SecretValue
{
    private readonly string _value;

    internal SecretValue(string value) => _value = value;

    /// <summary>The value's length.</summary>
    public int Length => _value.Length;

    /// <summary>A short, non-reversible fingerprint (SHA-256, base64url, 16 characters): equal values, equal fingerprints.</summary>
    public string Fingerprint => RandomValue.Fingerprint(_value);

    /// <summary>The first <paramref name="characters"/> characters (fewer for a short value), then the length.</summary>
    public string Redacted(int characters = 4) =>
        _value.Length == 0 ? "(empty)" : $"{_value[..Math.Min(characters, _value.Length / 4)]}… ({_value.Length} characters)";

    /// <summary>The value itself — for a deliberate use (decoding a JWT's claims, recomputing a PKCE challenge), never for a log.</summary>
    public string Reveal() => _value;

    /// <summary>The redacted form.</summary>
    public override string ToString() => Redacted();

    internal static SecretValue? Of(string? value) => value is null ? null : new SecretValue(value);

    private sealed class SecretValueJsonConverter : JsonConverter<SecretValue>
    {
        public override SecretValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("A secret value is never read from JSON.");

        public override void Write(Utf8JsonWriter writer, SecretValue value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Redacted());
    }
}
