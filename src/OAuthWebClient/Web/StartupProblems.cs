using Microsoft.Extensions.Options;

namespace OAuthWebClient.Web;

/// <summary>Runs the app; invalid settings are reported as a plain list, all at once, instead of a stack trace.</summary>
public static class StartupProblems
{
    /// <param name="pipeline">Builds the request pipeline (it reads the validated options, so it is covered too).</param>
    public static int RunReportingConfigurationProblems(this WebApplication app, Action<WebApplication> pipeline)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(pipeline);
        try
        {
            // Every ValidateOnStart section at once (the pipeline below reads the OAuth options first, which would
            // stop at its own problems), binding problems included (SafeBinding).
            app.Services.GetService<IStartupValidator>()?.Validate();
            pipeline(app);
            app.Run();
            return 0;
        }
        catch (Exception e) when (Failures(e) is { Count: > 0 } failures)
        {
            Console.Error.WriteLine("OAuthWebClient cannot start: the configuration has these problems (appsettings.json or environment variables):");
            failures.ForEach(failure => Console.Error.WriteLine("  - " + failure));
            return 1;
        }
    }

    private static List<string> Failures(Exception exception) => exception switch
    {
        OptionsValidationException validation => [.. validation.Failures],
        AggregateException aggregate => [.. aggregate.InnerExceptions.SelectMany(Failures)],
        _ => [],
    };
}
