using System.Runtime.CompilerServices;
using OAuthWebClient.Benchmarks.Driver;
using OAuthWebClient.Client;
using OAuthWebClient.Client.Events;
using OAuthWebClient.Client.Login;

namespace OAuthWebClient.Benchmarks.Scenarios;

/// <summary>
/// Scenario 8, the events seam with no subscriber (the flow inspector off): what one event costs as the library raises it
/// (<see cref="EventDispatcher.IsActive"/> false, so no context is built), what it would cost dispatched to nobody without
/// that guard, and the work done for observers even when none listens: the parameter list a login start builds, and the
/// view of a private_key_jwt assertion each authenticated request builds (<see cref="SignedJwtView"/>).
/// </summary>
internal static class EventsSeamCost
{
    /// <summary>Events raised per login start (authorization request built; with a push also the token request sent and answered).</summary>
    public const int LoginEvents = 1;

    public const int PushedLoginEvents = 3;

    /// <summary>Per callback: callback received, token request sent, token response received, ID token validated, signed in.</summary>
    public const int CallbackEvents = 5;

    private const int PerCall = 1000;

    /// <summary>ns per guarded event, ns per unguarded one; µs of the observers' parameter list per login start and of an assertion's view.</summary>
    public static (double GuardedNs, double UnguardedNs, double ParametersMicros, double AssertionViewMicros) Measure(InProcessClient client, string assertion, int iterations)
    {
        var events = client.Services.GetRequiredService<EventDispatcher>();
        if (events.IsActive)
        {
            throw new InvalidOperationException("The in-process client has an event subscriber; the seam is measured with none.");
        }

        var guarded = CpuCost.Measure(iterations, () => Repeat(() => Guarded(events)));
        var unguarded = CpuCost.Measure(iterations, () => Repeat(() => Unguarded(events)));
        var transaction = new AuthorizationTransaction
        {
            State = RandomValue.Create(), CodeVerifier = Pkce.CreateVerifier(), Nonce = RandomValue.Create(), ReturnUrl = "/photos",
            Issuer = InProcessAuthorizationServer.Issuer, RedirectUri = "https://app.bench.example/callback", Provider = client.Provider,
            Scope = "openid profile offline_access photos", Created = DateTimeOffset.UtcNow,
        };
        var parameters = CpuCost.Measure(iterations, () => AuthorizationRequest.Parameters(InProcessClient.ClientId, transaction));
        var view = CpuCost.Measure(iterations, () => SignedJwtView.Of(assertion));
        return (guarded * 1000 / PerCall, unguarded * 1000 / PerCall, parameters, view);
    }

    private static object? Repeat(Func<Task> raise)
    {
        for (var i = 0; i < PerCall; i++)
        {
            raise().GetAwaiter().GetResult();
        }

        return null;
    }

    /// <summary>As the library's call sites raise an event (SessionSignIn's signed-in event, for one).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Task Guarded(EventDispatcher events) => !events.IsActive ? Task.CompletedTask : Unguarded(events);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Task Unguarded(EventDispatcher events) => events.RaiseAsync(new SignedInContext
    {
        At = events.Now, TransactionId = "t", Provider = "p", SessionKey = "k", DisplayName = "d", Issuer = "i", Scope = "s", ReturnUrl = "/",
    }, (s, c) => s.SignedIn(c));
}
