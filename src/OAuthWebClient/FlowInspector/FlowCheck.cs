using OAuthWebClient.Client.Events;

namespace OAuthWebClient.FlowInspector;

/// <summary>The result of one check the client made: passed, failed, or not applicable (null), and why — as the library's event said.</summary>
public sealed record FlowCheck(bool? Passed, string Explanation)
{
    public static FlowCheck Pass(string explanation) => new(true, explanation);

    public static FlowCheck Fail(string explanation) => new(false, explanation);

    public static FlowCheck NotApplicable(string explanation) => new(null, explanation);

    /// <summary>One check as the library's event reported it.</summary>
    internal static FlowCheck From(CallbackCheck check) => check.Verdict switch
    {
        CheckVerdict.Passed => Pass(check.Explanation),
        CheckVerdict.Failed => Fail(check.Explanation),
        _ => NotApplicable(check.Explanation),
    };
}
