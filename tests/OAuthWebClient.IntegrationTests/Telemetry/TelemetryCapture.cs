using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OAuthWebClient.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace OAuthWebClient.IntegrationTests.Telemetry;

/// <summary>
/// The sample's OpenTelemetry pipeline with in-memory exporters added after its own processors, at full sampling and
/// with every measurement an exemplar — so what an OTLP exporter would get is what <see cref="Spans"/> and
/// <see cref="Metrics"/> hold.
/// </summary>
internal sealed class TelemetryCapture
{
    public ConcurrentCollection<Activity> Spans { get; } = new();

    public ConcurrentCollection<Metric> Metrics { get; } = new();

    /// <summary>Turns the sample's pipeline on (no OTLP endpoint in tests) and adds the in-memory exporters.</summary>
    public void AddTo(IWebHostBuilder builder, Action<IServiceCollection>? alsoServices = null)
    {
        builder.UseSetting(TelemetryExtensions.EnabledKey, "true");
        builder.ConfigureTestServices(services =>
        {
            AddTo(services);
            alsoServices?.Invoke(services);
        });
    }

    private void AddTo(IServiceCollection services)
    {
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.SetSampler(new AlwaysOnSampler()).AddInMemoryExporter(Spans));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.SetExemplarFilter(ExemplarFilterType.AlwaysOn).AddInMemoryExporter(Metrics));
    }

    /// <summary>Exports what is pending; the spans and metrics are read after this.</summary>
    public void Flush(IServiceProvider services)
    {
        services.GetRequiredService<TracerProvider>().ForceFlush();
        services.GetRequiredService<MeterProvider>().ForceFlush();
    }

    public IReadOnlyList<Activity> Named(string name) => [.. Spans.Where(s => s.OperationName == name)];

    /// <summary>Every point of the metric with that name, with its tags as a dictionary.</summary>
    public IReadOnlyList<(Dictionary<string, object?> Tags, MetricPoint Point)> Points(string name)
    {
        var points = new List<(Dictionary<string, object?>, MetricPoint)>();
        foreach (var metric in Metrics.Where(m => m.Name == name).Distinct().ToList())
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var tags = new Dictionary<string, object?>();
                foreach (var tag in point.Tags)
                {
                    tags[tag.Key] = tag.Value;
                }

                points.Add((tags, point));
            }
        }

        return points;
    }

    /// <summary>
    /// Every string the exporters got, with where it was: span names, sources, tag keys and values, events and their
    /// tags, links, status descriptions, baggage and trace state; metric names, descriptions, units, meter tags, point
    /// tags and exemplars' tags.
    /// </summary>
    public IEnumerable<(string Where, string Text)> AllText()
    {
        foreach (var span in Spans.ToList())
        {
            var at = $"span {span.OperationName} ({span.Source.Name})";
            yield return (at, span.DisplayName);
            yield return (at, span.OperationName);
            yield return (at + " status", span.StatusDescription ?? "");
            yield return (at + " trace state", span.TraceStateString ?? "");
            foreach (var text in Tags(span.TagObjects).Concat(span.Baggage.SelectMany(b => new[] { b.Key, b.Value ?? "" })))
            {
                yield return (at + " tag", text);
            }

            foreach (var spanEvent in span.Events)
            {
                yield return (at + " event", spanEvent.Name);
                foreach (var text in Tags(spanEvent.Tags))
                {
                    yield return (at + " event tag", text);
                }
            }

            foreach (var text in span.Links.SelectMany(l => Tags(l.Tags ?? [])))
            {
                yield return (at + " link tag", text);
            }
        }

        foreach (var metric in Metrics.Distinct().ToList())
        {
            var at = $"metric {metric.Name}";
            yield return (at, metric.Name + " " + metric.Description + " " + metric.Unit + " " + metric.MeterName);
            foreach (var text in Tags(metric.MeterTags ?? []))
            {
                yield return (at + " meter tag", text);
            }

            foreach (var text in PointTexts(metric))
            {
                yield return (at + " point", text);
            }
        }
    }

    private static List<string> PointTexts(Metric metric)
    {
        var texts = new List<string>();
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            foreach (var tag in point.Tags)
            {
                texts.Add(tag.Key);
                texts.Add(tag.Value?.ToString() ?? "");
            }

            if (point.TryGetExemplars(out var exemplars))
            {
                foreach (ref readonly var exemplar in exemplars)
                {
                    foreach (var tag in exemplar.FilteredTags)
                    {
                        texts.Add(tag.Key);
                        texts.Add(tag.Value?.ToString() ?? "");
                    }
                }
            }
        }

        return texts;
    }

    private static IEnumerable<string> Tags(IEnumerable<KeyValuePair<string, object?>> tags) =>
        tags.SelectMany(t => new[] { t.Key, t.Value is Array array ? string.Join(' ', array.Cast<object?>()) : t.Value?.ToString() ?? "" });
}
