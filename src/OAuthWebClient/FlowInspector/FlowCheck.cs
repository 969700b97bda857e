namespace OAuthWebClient.FlowInspector;

/// <summary>The result of one check the client made: passed, failed, or not applicable (null), and why.</summary>
public sealed record FlowCheck(bool? Passed, string Explanation)
{
    public static FlowCheck Pass(string explanation) => new(true, explanation);

    public static FlowCheck Fail(string explanation) => new(false, explanation);

    public static FlowCheck NotApplicable(string explanation) => new(null, explanation);
}
