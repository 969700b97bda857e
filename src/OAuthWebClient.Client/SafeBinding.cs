using System.Collections;
using System.ComponentModel;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace OAuthWebClient.Client;

/// <summary>
/// Binds an options section like <c>BindConfiguration</c>, except that a value which cannot be converted
/// (<c>OAuth__ClientAuthentication=Foo</c>, a bad time span, URL or number) does not throw "Failed to convert
/// configuration value" at first use: it is left unbound and reported by options validation with the others —
/// the key, the kind of value expected and, for a choice, the allowed values. An empty value means "unset".
/// </summary>
public static class SafeBinding
{
    private static readonly ConditionalWeakTable<object, List<string>> Problems = [];

    /// <summary>Binds <paramref name="sectionPath"/> to the options; values that do not convert are reported by validation at start.</summary>
    public static OptionsBuilder<T> BindConfigurationReportingProblems<T>(this OptionsBuilder<T> builder, string sectionPath)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Configure<IConfiguration>((options, configuration) => Bind(configuration.GetSection(sectionPath), options));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>, BindingProblemsValidator<T>>());
        return builder;
    }

    /// <summary>The problems found when <paramref name="options"/> was bound, if any.</summary>
    internal static IReadOnlyList<string> For(object options) => Problems.TryGetValue(options, out var found) ? found : [];

    internal static void Bind(IConfigurationSection section, object options)
    {
        var problems = new List<string>();
        var convertible = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in section.AsEnumerable(makePathsRelative: true))
        {
            if (value is null)
            {
                continue;
            }

            var type = TargetType(options.GetType(), key.Split(':'));
            if (value.Length == 0 && type is { IsValueType: true } && Nullable.GetUnderlyingType(type) is null)
            {
                // OAuth__BackchannelTimeout= means "unset": the default stays (the binder would throw on it).
                continue;
            }

            if (type is not null && Problem(type, value) is { } expected)
            {
                problems.Add($"{section.Path}:{key} is \"{Shorten(value)}\", {expected}");
                continue;
            }

            convertible[key] = value;
        }

        new ConfigurationBuilder().AddInMemoryCollection(convertible).Build().Bind(options);
        Problems.AddOrUpdate(options, problems);
    }

    /// <summary>The type a key binds to, following properties, list indexes and dictionary keys; null for a key nothing reads.</summary>
    private static Type? TargetType(Type type, string[] segments)
    {
        var current = type;
        foreach (var segment in segments)
        {
            current = Element(current) ?? current.GetProperty(segment, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    private static Type? Element(Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.GetElementType();
        }

        var generic = type.IsGenericType ? type : null;
        return generic?.GetGenericArguments() switch
        {
            [var element] when typeof(IEnumerable).IsAssignableFrom(type) => element,
            [_, var value] when typeof(IDictionary).IsAssignableFrom(type) || generic.GetGenericTypeDefinition().Name.Contains("Dictionary", StringComparison.Ordinal) => value,
            _ => null,
        };
    }

    /// <summary>What was expected, when <paramref name="value"/> cannot become a <paramref name="type"/>; null when it can.</summary>
    private static string? Problem(Type type, string value)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (value.Length == 0 || target == typeof(string) || target == typeof(object) || !IsScalar(target))
        {
            return null;
        }

        if (target.IsEnum)
        {
            return Enum.TryParse(target, value, ignoreCase: true, out var parsed) && Enum.IsDefined(target, parsed!)
                ? null
                : $"which is not one of: {string.Join(", ", Enum.GetNames(target))}.";
        }

        try
        {
            TypeDescriptor.GetConverter(target).ConvertFromInvariantString(value);
            return null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException or OverflowException or UriFormatException)
        {
            return Expected(target);
        }
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(decimal) || type == typeof(TimeSpan) || type == typeof(DateTimeOffset) ||
        type == typeof(DateTime) || type == typeof(Uri) || type == typeof(Guid);

    private static string Expected(Type type) => type switch
    {
        _ when type == typeof(TimeSpan) => "which is not a time span (hh:mm:ss, e.g. 00:00:30).",
        _ when type == typeof(Uri) => "which is not a URL.",
        _ when type == typeof(bool) => "which is not true or false.",
        _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => "which is not a whole number.",
        _ when type == typeof(double) || type == typeof(decimal) || type == typeof(float) => "which is not a number.",
        _ => $"which cannot be read as a {type.Name}.",
    };

    private static string Shorten(string value) => value.Length <= 100 ? value : value[..100] + "…";

    private sealed class BindingProblemsValidator<T> : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options) =>
            For(options) is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Skip;
    }
}
