using Microsoft.Extensions.Logging;

namespace Sandbox.DPoP;

/// <summary>Log messages of DPoP proof validation. Never the proof, the key or the token: only why it was refused.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "DPoP proof for {Method} {Path} refused ({Error}): {Reason}")]
    public static partial void ProofRejected(ILogger logger, string method, string path, string error, string reason);
}
