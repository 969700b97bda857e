using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Sandbox.AuthServer;

/// <summary>
/// Adds a strict CSP to the server's own HTML pages. frame-ancestors stops clickjacking of the consent page
/// (RFC 6749 §10.13). No form-action: browsers apply it to the redirect back to the client.
/// </summary>
internal sealed class SecurityHeadersFilter : IResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is ViewResult)
        {
            var headers = context.HttpContext.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
