using Microsoft.Extensions.Logging.Abstractions;
using OAuthWebClient.Client.Events;
using OAuthWebClient.Client.Tokens;

namespace OAuthWebClient.UnitTests.TestSupport;

/// <summary>What the library's internals take besides the thing under test: no event subscribers, and a call's correlation.</summary>
internal static class TestCalls
{
    public static EventDispatcher NoEvents { get; } = new([], TimeProvider.System, NullLogger<EventDispatcher>.Instance);

    public static TokenCall Code(Uri endpoint) => new(TokenRequestKind.AuthorizationCode, endpoint, null, TransactionId: "tx");

    public static TokenCall Refresh(Uri endpoint) => new(TokenRequestKind.RefreshToken, endpoint, null, SessionKey: "session");

    public static TokenCall SignIn { get; } = Code(TestOptions.TokenEndpoint);
}
