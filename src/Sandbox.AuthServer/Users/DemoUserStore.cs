using System.Security.Cryptography;
using System.Text;

namespace Sandbox.AuthServer.Users;

/// <summary>
/// The sandbox's fixed users: alice/alice (roles <c>admin</c> and <c>photographer</c>) and bob/bob (no role). No ASP.NET
/// Core Identity needed.
/// </summary>
public sealed class DemoUserStore
{
    private static readonly (DemoUser User, byte[] PasswordHash)[] Users =
    [
        (new DemoUser("alice", "alice", "Alice", "alice@example.com", ["admin", "photographer"]), Hash("alice")),
        (new DemoUser("bob", "bob", "Bob", "bob@example.com", []), Hash("bob")),
    ];

    // Compared against when the username is unknown, so both paths do the same work.
    private static readonly byte[] UnknownUserHash = Hash(Guid.NewGuid().ToString());

    /// <summary>Finds a user by the <c>sub</c> claim.</summary>
    public DemoUser? FindBySubject(string? subject) =>
        Users.Select(u => u.User).FirstOrDefault(u => string.Equals(u.Subject, subject, StringComparison.Ordinal));

    /// <summary>Returns the user when the credentials match; passwords are compared in constant time.</summary>
    public DemoUser? ValidateCredentials(string? username, string? password)
    {
        var match = Users.FirstOrDefault(u => string.Equals(u.User.Username, username, StringComparison.Ordinal));
        var expected = match.User is null ? UnknownUserHash : match.PasswordHash;

        // Hashing first gives equal-length inputs, so FixedTimeEquals does not leak the password length.
        var valid = CryptographicOperations.FixedTimeEquals(Hash(password ?? ""), expected);
        return valid ? match.User : null;
    }

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
