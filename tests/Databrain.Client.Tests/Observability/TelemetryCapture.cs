using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Databrain.Client.Tests.Observability;

/// <summary>
/// Listens to activities and metrics: by default only the SDK's (<c>Databrain.Client</c>), or every source and meter
/// in the process. Activities are recorded when they stop; measurements as they are taken.
/// </summary>
public sealed class TelemetryCapture : IDisposable
{
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;
    private ConcurrentQueue<Activity> _stopped = new();
    private ConcurrentQueue<CapturedMeasurement> _measurements = new();

    public TelemetryCapture(bool everything = false)
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = source => everything || source.Name == "Databrain.Client",
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => _stopped.Enqueue(activity),
        };
        ActivitySource.AddActivityListener(_activities);

        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (everything || instrument.Meter.Name == "Databrain.Client")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _meters.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _meters.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _meters.Start();
    }

    public IReadOnlyList<Activity> Activities => _stopped.ToArray();

    public IReadOnlyList<CapturedMeasurement> Measurements => _measurements.ToArray();

    public IReadOnlyList<CapturedMeasurement> MeasurementsOf(string instrument) => [.. Measurements.Where(m => m.Instrument == instrument)];

    public void Clear()
    {
        _stopped = new ConcurrentQueue<Activity>();
        _measurements = new ConcurrentQueue<CapturedMeasurement>();
    }

    /// <summary>Every text an exporter could ship: names, tags, status descriptions, events and their tags, baggage.</summary>
    public IEnumerable<string> Texts()
    {
        foreach (var activity in Activities)
        {
            yield return activity.OperationName;
            yield return activity.DisplayName;
            yield return activity.StatusDescription ?? string.Empty;
            foreach (var (key, value) in activity.TagObjects)
            {
                yield return key + "=" + Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
            }

            foreach (var e in activity.Events)
            {
                yield return e.Name;
                foreach (var (key, value) in e.Tags)
                {
                    yield return key + "=" + Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            foreach (var (key, value) in activity.Baggage)
            {
                yield return key + "=" + value;
            }
        }

        foreach (var measurement in Measurements)
        {
            yield return measurement.Instrument;
            foreach (var (key, value) in measurement.Tags)
            {
                yield return key + "=" + Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
    }

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct =>
        _measurements.Enqueue(new CapturedMeasurement(instrument.Name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), tags.ToArray()));
}
