using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using OAuthWebClient.Client;

namespace OAuthWebClient.Web;

public static class DataProtectionExtensions
{
    /// <summary>
    /// Data Protection (the session and transaction cookies are the library's): keys in a folder, so a restart keeps
    /// sessions valid — with Redis (AddRedis) the shared key ring replaces it — encrypted at rest with
    /// <c>DataProtection:CertificateFile</c> when it is set.
    /// </summary>
    public static IHostApplicationBuilder AddDataProtectionKeys(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var dataProtection = services.AddDataProtection().SetApplicationName("OAuthWebClient");
        services.AddOptions<DataProtectionKeysOptions>().BindConfigurationReportingProblems(DataProtectionKeysOptions.SectionName).ValidateOnStart();
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<DataProtectionKeysOptions>, ILoggerFactory>((keys, folder, loggers) =>
            keys.XmlRepository ??= new FileSystemXmlRepository(new DirectoryInfo(folder.Value.EffectiveKeysFolder), loggers));

        // Data Protection takes the certificate while services are registered; a bad file is reported at start with the rest.
        var section = builder.Configuration.GetSection(DataProtectionKeysOptions.SectionName);
        var certificate = DataProtectionCertificate.Load(section[nameof(DataProtectionKeysOptions.CertificateFile)], section[nameof(DataProtectionKeysOptions.CertificatePassword)]);
        services.AddSingleton(certificate);
        services.AddSingleton<IValidateOptions<DataProtectionKeysOptions>, DataProtectionKeysOptionsValidator>();
        if (certificate.Certificate is { } cert)
        {
            dataProtection.ProtectKeysWithCertificate(cert); // new keys encrypted with it, and read back with it on any instance
        }

        return builder;
    }
}
