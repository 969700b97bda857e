namespace OAuthWebClient.Benchmarks.Hosts;

/// <summary>
/// Counts the token endpoint's grants at the sandbox authorization server, ahead of OpenIddict: the form is read
/// (and cached by ASP.NET Core for OpenIddict) and the body rewound. Added with an <see cref="IStartupFilter"/>, so
/// the sandbox's own pipeline stays as it is.
/// </summary>
internal sealed class TokenRequestCounter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path == "/connect/token" && context.Request.HasFormContentType)
            {
                context.Request.EnableBuffering();
                var form = await context.Request.ReadFormAsync(context.RequestAborted);
                context.Request.Body.Position = 0;
                BenchCounters.CountGrant(form["grant_type"]);
            }

            await nextMiddleware(context);
        });
        next(app);
    };
}
