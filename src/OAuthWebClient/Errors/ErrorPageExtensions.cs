using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace OAuthWebClient.Errors;

internal static class ErrorPageExtensions
{
    public const string ViewPath = "~/Views/Shared/Error.cshtml";

    /// <summary>Renders the one error view with the error's status code and a short correlation id.</summary>
    public static ViewResult ErrorPage(this Controller controller, AppError error) =>
        Create(controller.HttpContext, controller.ViewData, error);

    /// <summary>The same, from a filter.</summary>
    public static ViewResult ErrorPage(this ActionContext context, AppError error) =>
        Create(context.HttpContext, new ViewDataDictionary(context.HttpContext.RequestServices.GetRequiredService<IModelMetadataProvider>(), context.ModelState), error);

    /// <summary>The first 8 hex digits of the trace id: enough to find the log lines, short enough to read out.</summary>
    public static string CorrelationId(HttpContext context) =>
        (Activity.Current?.TraceId.ToHexString() ?? context.TraceIdentifier.Replace(":", "", StringComparison.Ordinal))[..8];

    private static ViewResult Create(HttpContext context, ViewDataDictionary viewData, AppError error)
    {
        var data = new ViewDataDictionary(viewData) { Model = error };
        data["Title"] = error.Title;
        data["CorrelationId"] = CorrelationId(context);
        return new ViewResult { ViewName = ViewPath, ViewData = data, StatusCode = error.StatusCode };
    }
}
