namespace OAuthWebClient.Client.Tests.PublicApi;

/// <summary>
/// Compares a text with its committed <c>NAME.approved.txt</c> in this folder of the source tree. On a difference the
/// text is written beside it as <c>NAME.received.txt</c> (gitignored) and the test fails, saying how to accept it.
/// </summary>
internal static class ApprovedSnapshot
{
    public const string Folder = "tests/OAuthWebClient.Client.Tests/PublicApi";

    public static string ApprovedPath(string name) => RepoRoot.Combine($"{Folder}/{name}.approved.txt");

    public static string ReceivedPath(string name) => RepoRoot.Combine($"{Folder}/{name}.received.txt");

    /// <summary>Line endings become \n and the text ends with exactly one newline, so Git's checkout settings do not matter.</summary>
    public static string Normalise(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').TrimEnd('\n') + "\n";

    public static void Verify(string name, string receivedText)
    {
        var received = Normalise(receivedText);
        var approvedPath = ApprovedPath(name);
        var receivedPath = ReceivedPath(name);
        var approved = File.Exists(approvedPath) ? Normalise(File.ReadAllText(approvedPath)) : null;
        if (approved == received)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received);
        var what = approved is null
            ? $"No approved snapshot {approvedPath} yet."
            : $"The public API differs from {approvedPath}:\n{FirstDifference(approved, received)}";
        Assert.Fail(
            $"{what}\nThe received API is in {receivedPath}. If the change is intended, accept it by copying the received file " +
            $"over the approved one and committing it:\n  cp {receivedPath} {approvedPath}");
    }

    private static string FirstDifference(string approved, string received)
    {
        var approvedLines = approved.Split('\n');
        var receivedLines = received.Split('\n');
        for (var i = 0; i < Math.Max(approvedLines.Length, receivedLines.Length); i++)
        {
            var a = i < approvedLines.Length ? approvedLines[i] : "<end of file>";
            var r = i < receivedLines.Length ? receivedLines[i] : "<end of file>";
            if (a != r)
            {
                return $"  first difference at line {i + 1}\n  approved: {a.Trim()}\n  received: {r.Trim()}";
            }
        }

        return "  (no line differs)";
    }
}
