using Microsoft.Extensions.Options;

namespace Sandbox.PhotosApi;

/// <summary>Checks <see cref="PhotosApiOptions"/> at start and reports every problem at once.</summary>
public sealed class PhotosApiOptionsValidator : IValidateOptions<PhotosApiOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, PhotosApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        const string Section = PhotosApiOptions.SectionName;

        if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority)
            || (authority.Scheme != Uri.UriSchemeHttps && authority.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{Section}:Authority must be an absolute http(s) URI (was '{options.Authority}').");
        }
        else if (authority.Scheme == Uri.UriSchemeHttp && options.ResolveRequireHttpsMetadata())
        {
            failures.Add($"{Section}:Authority uses http on a non-loopback host: use https, or set {Section}:RequireHttpsMetadata to false.");
        }
        else if (!string.IsNullOrEmpty(authority.Query) || !string.IsNullOrEmpty(authority.Fragment))
        {
            // RFC 8414 §2: the issuer identifier has no query or fragment.
            failures.Add($"{Section}:Authority must not contain a query or fragment.");
        }

        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            failures.Add($"{Section}:Audience must not be empty.");
        }

        if (!IsScopeToken(options.RequiredScope))
        {
            failures.Add($"{Section}:RequiredScope must be a single scope token (RFC 6749 §3.3), e.g. 'photos' (was '{options.RequiredScope}').");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
    private static bool IsScopeToken(string? value) =>
        !string.IsNullOrEmpty(value)
        && value.All(c => c is '\x21' or (>= '\x23' and <= '\x5B') or (>= '\x5D' and <= '\x7E'));
}
