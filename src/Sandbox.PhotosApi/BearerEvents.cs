using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Sandbox.PhotosApi;

/// <summary>Bearer handler events: RFC 9068 claim checks the token handler does not make, and logging without the token.</summary>
internal static class BearerEvents
{
    /// <summary>
    /// RFC 9068 §2.2 and §4: an access token without <c>sub</c> is invalid (we key photos by it). Then the DPoP checks
    /// (<see cref="DPoPResourceEvents.TokenValidated"/>).
    /// </summary>
    public static Task TokenValidated(TokenValidatedContext context)
    {
        if (string.IsNullOrEmpty(context.Principal?.FindFirst("sub")?.Value))
        {
            context.Fail("The access token has no 'sub' claim (RFC 9068 §2.2).");
            return Task.CompletedTask;
        }

        return DPoPResourceEvents.TokenValidated(context);
    }

    /// <summary>Logs why a token was refused: the exception type only, never the token.</summary>
    public static Task AuthenticationFailed(AuthenticationFailedContext context)
    {
        var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BearerEvents));
        logger.TokenRejected(context.Exception.GetType().Name);
        return Task.CompletedTask;
    }
}
