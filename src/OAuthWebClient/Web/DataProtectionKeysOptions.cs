namespace OAuthWebClient.Web;

/// <summary>Where Data Protection keys live (section <c>DataProtection</c>).</summary>
public sealed class DataProtectionKeysOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>
    /// Folder for the key ring when Redis is not configured, so a restart keeps sessions and sign-ins in progress
    /// valid. Default: <c>{LocalApplicationData}/OAuthWebClient/DataProtection-Keys</c>. With Redis, keys live there
    /// instead and every instance shares them.
    /// </summary>
    public string? KeysFolder { get; set; }

    internal string EffectiveKeysFolder => string.IsNullOrWhiteSpace(KeysFolder)
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "OAuthWebClient", "DataProtection-Keys")
        : KeysFolder;
}
