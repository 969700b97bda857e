using Microsoft.Extensions.Options;

namespace OAuthWebClient.Web;

/// <summary>Each entry of <c>ForwardedHeaders</c> that is not an address or a network, named with its value.</summary>
internal sealed class TrustedProxyOptionsValidator : IValidateOptions<TrustedProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, TrustedProxyOptions options) =>
        options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
