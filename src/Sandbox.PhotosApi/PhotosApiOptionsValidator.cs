using Microsoft.Extensions.Options;

namespace Sandbox.PhotosApi;

/// <summary>Checks <see cref="PhotosApiOptions"/> at start and reports every problem at once.</summary>
public sealed class PhotosApiOptionsValidator : IValidateOptions<PhotosApiOptions>
{
    private const string Section = PhotosApiOptions.SectionName;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, PhotosApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (!string.IsNullOrWhiteSpace(options.Authority))
        {
            ValidateAuthority($"{Section}:Authority", options.Authority, options, failures);
        }

        for (var i = 0; i < options.Authorities.Count; i++)
        {
            ValidateAuthority($"{Section}:Authorities:{i}", options.Authorities[i], options, failures);
        }

        var authorities = options.ResolveAuthorities();
        if (authorities.Where((authority, i) => authorities.Take(i).Any(earlier => PhotosApiOptions.SameAuthority(earlier, authority))).FirstOrDefault() is { } twice)
        {
            failures.Add($"{Section}:Authority and {Section}:Authorities name '{twice}' more than once.");
        }

        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            failures.Add($"{Section}:Audience must not be empty.");
        }

        if (!IsScopeToken(options.RequiredScope))
        {
            failures.Add($"{Section}:RequiredScope must be a single scope token (RFC 6749 §3.3), e.g. 'photos' (was '{options.RequiredScope}').");
        }

        failures.AddRange(options.DPoP.Validate($"{Section}:DPoP:"));

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateAuthority(string key, string? value, PhotosApiOptions options, List<string> failures)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var authority)
            || (authority.Scheme != Uri.UriSchemeHttps && authority.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{key} must be an absolute http(s) URI (was '{value}').");
        }
        else if (authority.Scheme == Uri.UriSchemeHttp && options.ResolveRequireHttpsMetadata(value))
        {
            failures.Add($"{key} uses http on a non-loopback host: use https, or set {Section}:RequireHttpsMetadata to false.");
        }
        else if (!string.IsNullOrEmpty(authority.Query) || !string.IsNullOrEmpty(authority.Fragment))
        {
            // RFC 8414 §2: the issuer identifier has no query or fragment.
            failures.Add($"{key} must not contain a query or fragment.");
        }
    }

    // RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
    private static bool IsScopeToken(string? value) =>
        !string.IsNullOrEmpty(value)
        && value.All(c => c is '\x21' or (>= '\x23' and <= '\x5B') or (>= '\x5D' and <= '\x7E'));
}
