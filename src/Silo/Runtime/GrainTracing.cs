using System.Diagnostics;

namespace Fashionistas.Silo.Runtime;

/// <summary>The runtime's ActivitySource: one span per message, child of the caller's span.</summary>
internal static class GrainTracing
{
    public static readonly ActivitySource Source = new(GrainRuntime.TelemetryName);

    /// <summary>The caller's trace context, captured only when someone listens (it costs nothing otherwise).</summary>
    public static ActivityContext CaptureParent() =>
        Source.HasListeners() ? Activity.Current?.Context ?? default : default;

    public static Activity? StartTurn(GrainMethod method, ActivityContext parent, Guid key)
    {
        var activity = Source.StartActivity(method.SpanName, ActivityKind.Internal, parent);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("grain.type", method.GrainName);
            activity.SetTag("grain.method", method.Name);
            activity.SetTag("grain.key", key);
        }

        return activity;
    }
}
