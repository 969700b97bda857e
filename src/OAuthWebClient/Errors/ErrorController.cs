using Microsoft.AspNetCore.Mvc;

namespace OAuthWebClient.Errors;

/// <summary>Renders unhandled exceptions and bare status codes with the same error view — never a stack trace.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorController : Controller
{
    [Route("error")]
    public IActionResult Unhandled() => this.ErrorPage(AppError.Unexpected());

    /// <summary>403 is the library's answer to a signed-in user without the page's role (<c>[Authorize(Roles = …)]</c>).</summary>
    [Route("error/{statusCode:int}")]
    public IActionResult Status(int statusCode) => this.ErrorPage(statusCode == StatusCodes.Status403Forbidden ? AppError.Forbidden() : new AppError
    {
        StatusCode = statusCode is >= 400 and <= 599 ? statusCode : 400,
        Kind = "status",
        Title = statusCode == 404 ? "Page not found" : "The request could not be served",
        Message = statusCode == 404 ? "There is nothing at this address." : "The request was not accepted.",
        RetryUrl = "/",
        RetryText = "Back to the home page",
    });
}
