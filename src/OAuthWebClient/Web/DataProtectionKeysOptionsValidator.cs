using Microsoft.Extensions.Options;

namespace OAuthWebClient.Web;

/// <summary>Stops the start when <c>DataProtection:CertificateFile</c> is set but cannot protect the key ring.</summary>
internal sealed class DataProtectionKeysOptionsValidator(DataProtectionCertificate certificate) : IValidateOptions<DataProtectionKeysOptions>
{
    public ValidateOptionsResult Validate(string? name, DataProtectionKeysOptions options) =>
        certificate.Problem is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
