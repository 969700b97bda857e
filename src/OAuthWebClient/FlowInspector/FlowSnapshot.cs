namespace OAuthWebClient.FlowInspector;

/// <summary>What <c>/flow</c> shows for one browser: its last sign-in and everything since.</summary>
public sealed record FlowSnapshot(SignInTimeline? SignIn, IReadOnlyList<FlowActivity> Activity, int EarlierSignIns);
