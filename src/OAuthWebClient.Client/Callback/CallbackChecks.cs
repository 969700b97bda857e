using OAuthWebClient.Client.Events;
using OAuthWebClient.Client.Login;
using OAuthWebClient.Client.Metadata;

namespace OAuthWebClient.Client.Callback;

/// <summary>
/// The checks of an authorization response, each recorded with its verdict and reason as it runs — what the
/// <see cref="OAuthClientEvents.CallbackReceived"/> event carries and what refuses the response.
/// </summary>
internal sealed class CallbackChecks
{
    private readonly List<CallbackCheck> _checks = [];

    public IReadOnlyList<CallbackCheck> All => _checks;

    public SignInFailure? Failure { get; private set; }

    public void Pass(string name, string explanation) => _checks.Add(new(name, CheckVerdict.Passed, explanation));

    public void NotApplicable(string name, string explanation) => _checks.Add(new(name, CheckVerdict.NotApplicable, explanation));

    /// <summary>Records the failed check and the failure it causes; returns false for the caller to stop.</summary>
    public bool Fail(string name, string explanation, SignInFailureReason reason, string message)
    {
        _checks.Add(new(name, CheckVerdict.Failed, explanation));
        Failure = new SignInFailure { Reason = reason, Message = message };
        return false;
    }

    /// <summary>A failure that is not a check of the response (the server cannot be reached, or it answered with an error).</summary>
    public void Refuse(SignInFailure failure) => Failure = failure;

    /// <summary>RFC 6749 §10.12: the state binds the response to the request made in this browser.</summary>
    public bool State(TransactionReadResult read) => read.Status switch
    {
        TransactionStatus.Valid => Passed("state", "Matches the state this browser's transaction cookie holds (compared in constant time): the response answers a request made here."),
        TransactionStatus.Expired => Fail("state", "The sign-in that sent this state is older than OAuth:TransactionLifetime.",
            SignInFailureReason.TransactionExpired, "The sign-in took too long and has expired. Please sign in again."),
        TransactionStatus.StateMismatch => Fail("state", "The transaction cookie holds a different state: possible cross-site request forgery.",
            SignInFailureReason.StateMismatch, "The response's state does not match the sign-in started in this browser."),
        TransactionStatus.Unreadable => Fail("state", "The transaction cookie could not be decrypted (altered, or from other keys).",
            SignInFailureReason.TransactionUnreadable, "This browser's sign-in record could not be read (it may have been altered). Please sign in again."),
        _ => Fail("state", "No sign-in in progress in this browser has this state: already used, started elsewhere, or cookies blocked.",
            SignInFailureReason.TransactionMissing, "No sign-in in progress matches this response: it was already used, started in another browser, or cookies are blocked."),
    };

    /// <summary>RFC 9207 §2.4: iss must be the issuer the request went to; required when the server advertises it.</summary>
    /// <param name="requireWhenAdvertised"><c>OAuth:RequireIssParameterWhenAdvertised</c>.</param>
    /// <param name="requireAlways">FAPI 2.0 §5.3.2.2 item 7: the client requires iss from every server (<see cref="ClientProfile.Fapi2"/>).</param>
    public bool Iss(string? iss, string expectedIssuer, ServerMetadata server, bool requireWhenAdvertised, bool requireAlways = false)
    {
        if (iss is not null)
        {
            return string.Equals(iss, expectedIssuer, StringComparison.Ordinal)
                ? Passed("iss", $"iss is \"{iss}\", the issuer this sign-in was sent to: no mix-up with another server.")
                : Fail("iss", $"iss is \"{iss}\" but this sign-in was sent to \"{expectedIssuer}\": refused as a possible mix-up attack.",
                    SignInFailureReason.IssuerMismatch, "The response names a different authorization server (iss) than the one this sign-in was sent to.");
        }

        if (requireAlways)
        {
            return Fail("iss", "No iss, and the FAPI 2.0 profile requires it in every authorization response (RFC 9207).",
                SignInFailureReason.IssuerMissing, "The response has no iss parameter, which the FAPI 2.0 profile requires (RFC 9207).");
        }

        if (!server.IssParameterSupported)
        {
            NotApplicable("iss", "No iss, and the server does not promise one: the client relies on one issuer per configuration.");
            return true;
        }

        if (requireWhenAdvertised)
        {
            return Fail("iss", "No iss, although the server's metadata promises it (authorization_response_iss_parameter_supported).",
                SignInFailureReason.IssuerMissing, "The response has no iss parameter, although the authorization server promises one (RFC 9207).");
        }

        NotApplicable("iss", "No iss, although the server promises one; accepted because OAuth:RequireIssParameterWhenAdvertised is false.");
        return true;
    }

    private bool Passed(string name, string explanation)
    {
        Pass(name, explanation);
        return true;
    }
}
