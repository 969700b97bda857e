using System.Globalization;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Sandbox.PhotosApi;

/// <summary>
/// Names of the bearer schemes: <see cref="JwtBearerDefaults.AuthenticationScheme"/> is a policy scheme that forwards to
/// one JwtBearer scheme per trusted authority, <c>Bearer:0</c>, <c>Bearer:1</c>, … in the order of
/// <see cref="PhotosApiOptions.ResolveAuthorities"/>.
/// </summary>
internal static class AuthoritySchemes
{
    private const string Prefix = JwtBearerDefaults.AuthenticationScheme + ":";

    public static string Name(int index) => Prefix + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The authority index a scheme name stands for, or -1 for any other name.</summary>
    public static int IndexOf(string? scheme) =>
        scheme is not null
        && scheme.StartsWith(Prefix, StringComparison.Ordinal)
        && int.TryParse(scheme.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index
            : -1;
}
