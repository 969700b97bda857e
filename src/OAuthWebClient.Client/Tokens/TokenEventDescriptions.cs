using System.Text.Json;
using OAuthWebClient.Client.Events;

namespace OAuthWebClient.Client.Tokens;

/// <summary>What the token endpoint's events carry, with every credential as a <see cref="SecretValue"/>.</summary>
internal static class TokenEventDescriptions
{
    /// <summary>
    /// The form fields shown as they are; every other one — the code, verifier, secret and tokens, and any
    /// <c>AdditionalTokenParameters</c> value, which may be a credential — only redacted.
    /// </summary>
    private static readonly HashSet<string> PublicFormFields = new(
        [
            "grant_type", "redirect_uri", "client_id", "scope", "resource", "token_type_hint", "client_assertion_type",
            // A pushed authorization request's own (RFC 9126 §2.1); state and nonce stay hidden.
            "response_type", "code_challenge", "code_challenge_method", "prompt", "max_age", "acr_values", "ui_locales", "login_hint",
        ],
        StringComparer.Ordinal);

    private static readonly HashSet<string> SecretAnswerFields = new(["access_token", "refresh_token", "id_token"], StringComparer.Ordinal);

    public static IReadOnlyList<ProtocolParameter> Form(IEnumerable<KeyValuePair<string, string>> form) =>
        [.. form.Select(f => PublicFormFields.Contains(f.Key) ? ProtocolParameter.Plain(f.Key, f.Value) : ProtocolParameter.Hidden(f.Key, f.Value))];

    /// <summary>The members of a JSON answer; anything else a server adds is shown only if it cannot be a credential.</summary>
    public static IReadOnlyList<ProtocolParameter> Answer(ReadOnlyMemory<byte>? body)
    {
        if (body is not { } bytes)
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return [];
            }

            return [.. document.RootElement.EnumerateObject().Select(member =>
            {
                var text = member.Value.ValueKind == JsonValueKind.String ? member.Value.GetString() ?? "" : member.Value.GetRawText();
                var secret = SecretAnswerFields.Contains(member.Name) || (member.Name != "scope" && (text.Length > 64 || text.Count(c => c == '.') >= 2));
                return secret ? ProtocolParameter.Hidden(member.Name, text) : ProtocolParameter.Plain(member.Name, text);
            })];
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return [];
        }
    }
}
