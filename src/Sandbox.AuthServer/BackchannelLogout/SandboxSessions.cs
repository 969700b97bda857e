using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;

namespace Sandbox.AuthServer.BackchannelLogout;

/// <summary>
/// The sandbox's browser sessions and the clients each signed in to (Back-Channel Logout 1.0 §2.3: the OP remembers the
/// RPs it logged the user in to), in memory. A session id (<c>sid</c>) is created at the sandbox's login, kept in its
/// cookie, and copied into ID tokens and logout tokens. Sessions older than the sandbox cookie are forgotten.
/// </summary>
public sealed class SandboxSessions(TimeProvider timeProvider)
{
    /// <summary>The claim in the sandbox cookie, ID tokens and logout tokens (OIDC Front-/Back-Channel Logout).</summary>
    public const string SessionIdClaim = "sid";

    /// <summary>As long as the sandbox's session cookie lives.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);

    /// <summary>A new, unguessable session id (128 bits).</summary>
    public static string NewSessionId() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));

    /// <summary>The client was given tokens for this session (consent allowed).</summary>
    public void SignedInTo(string sid, string subject, string clientId)
    {
        var now = timeProvider.GetUtcNow();
        foreach (var old in _sessions.Where(s => s.Value.Started < now - Lifetime))
        {
            _sessions.TryRemove(old);
        }

        _sessions.GetOrAdd(sid, _ => new Session(subject, now)).Clients.TryAdd(clientId, 0);
    }

    /// <summary>Forgets the session and returns whom it belonged to and the clients it signed in to; null when unknown.</summary>
    public Session? End(string sid) => _sessions.TryRemove(sid, out var session) ? session : null;

    public sealed record Session(string Subject, DateTimeOffset Started)
    {
        public ConcurrentDictionary<string, byte> Clients { get; } = new(StringComparer.Ordinal);
    }
}
