namespace Sandbox.DPoP;

/// <summary>How a proof's nonce compares with the server's (see <see cref="DPoPNonces.Check"/>).</summary>
public enum NonceCheck
{
    /// <summary>Missing, never issued, or expired.</summary>
    Unknown,

    /// <summary>The nonce the server sends now.</summary>
    Current,

    /// <summary>The one before it: still accepted, and the client should be sent the current one (RFC 9449 §8.2).</summary>
    Previous,
}
