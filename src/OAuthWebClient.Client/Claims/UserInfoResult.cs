using System.Text.Json;

namespace OAuthWebClient.Client.Claims;

/// <summary>Outcome of <see cref="UserInfoClient"/>: the claims object, or why there is none (a plain reason, never a token).</summary>
internal sealed record UserInfoResult
{
    public JsonElement? Claims { get; private init; }

    public SignInFailureReason? Failure { get; private init; }

    public string? Error { get; private init; }

    public static UserInfoResult Answered(JsonElement claims) => new() { Claims = claims };

    public static UserInfoResult Failed(string error) => new() { Failure = SignInFailureReason.UserInfoFailed, Error = error };

    public static UserInfoResult SubjectMismatch() => new()
    {
        Failure = SignInFailureReason.UserInfoSubjectMismatch,
        Error = "The UserInfo endpoint described another user than the identity token (OIDC Core §5.3.2).",
    };
}
