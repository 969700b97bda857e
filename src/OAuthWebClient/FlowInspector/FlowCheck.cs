using OAuthWebClient.Client.Events;

namespace OAuthWebClient.FlowInspector;

/// <summary>The result of one check the client made: passed, failed, or not applicable (null), and why — as the library's event said.</summary>
public sealed record FlowCheck(bool? Passed, string Explanation)
{
    public static FlowCheck Pass(string explanation) => new(true, explanation);

    public static FlowCheck Fail(string explanation) => new(false, explanation);

    public static FlowCheck NotApplicable(string explanation) => new(null, explanation);

    /// <summary>The check named <paramref name="name"/> in the event; "not reached" when an earlier one refused the response.</summary>
    internal static FlowCheck From(IReadOnlyList<CallbackCheck> checks, string name) => checks.LastOrDefault(c => c.Name == name) switch
    {
        { Verdict: CheckVerdict.Passed } check => Pass(check.Explanation),
        { Verdict: CheckVerdict.Failed } check => Fail(check.Explanation),
        { } check => NotApplicable(check.Explanation),
        null => NotApplicable("Not reached: an earlier check refused the response."),
    };
}
