namespace OAuthWebClient.Metadata;

/// <summary>Metadata members that <c>OpenIdConnectConfiguration</c> keeps in <c>AdditionalData</c>.</summary>
internal static class MetadataNames
{
    /// <summary>RFC 7009 §5 / RFC 8414 §2.</summary>
    public const string RevocationEndpoint = "revocation_endpoint";

    /// <summary>RFC 9207 §3.</summary>
    public const string IssParameterSupported = "authorization_response_iss_parameter_supported";
}
