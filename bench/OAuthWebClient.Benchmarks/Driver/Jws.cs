using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace OAuthWebClient.Benchmarks.Driver;

/// <summary>A compact JWS (RFC 7515 §7.1): base64url header and payload, signed by <c>sign</c> over their ASCII.</summary>
internal static class Jws
{
    public static string Create(IReadOnlyDictionary<string, object> header, IReadOnlyDictionary<string, object> payload, Func<byte[], byte[]> sign)
    {
        var input = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(header)) + "." + Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload));
        return input + "." + Base64Url.EncodeToString(sign(Encoding.ASCII.GetBytes(input)));
    }
}
