using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.JSInterop;

namespace RetroWalk.Web.Infrastructure;

/// <summary>
/// Builds, as a page's circuit opens, the JSON metadata that the page's first click would otherwise build.
/// </summary>
/// <remarks>
/// Blazor gives every circuit its own JSON options for browser calls (their converters hold that circuit's JS runtime),
/// so the metadata of each type a call carries is built again in every circuit, by reflection, the first time that
/// circuit meets the type. Every click meets two: the event, read as <see cref="JsonElement"/>, and the empty result
/// of the handler's <see cref="Task"/>, written back to the browser. Measured on 2,000 open dashboards each clicking
/// once, building them was about 30 % of what the server allocated for the clicks (README, "Scale: circuits"). Built
/// here, the cost is paid while the page loads instead of on the therapist's first click; the metadata is the same and
/// is kept by the circuit either way.
/// </remarks>
internal static class InteropJsonWarmUp
{
    /// <summary><see cref="Task"/>'s result type (internal to the runtime), which a handler returning a Task answers with.</summary>
    public static readonly Type TaskResultType = Task.CompletedTask.GetType().GenericTypeArguments.Single();

    // JSRuntime.JsonSerializerOptions is protected: a documented member, read by reflection because the circuit's runtime
    // is the framework's own internal subclass.
    private static readonly PropertyInfo? OptionsProperty =
        typeof(JSRuntime).GetProperty("JsonSerializerOptions", BindingFlags.Instance | BindingFlags.NonPublic);

    /// <summary>
    /// Builds the two types' metadata in <paramref name="runtime"/>'s options. False when it has no such options, or
    /// when they are not locked yet: only locked options keep what they build (the framework locks them as it creates
    /// the circuit's runtime).
    /// </summary>
    public static bool Warm(IJSRuntime runtime)
    {
        if (runtime is not JSRuntime || OptionsProperty?.GetValue(runtime) is not JsonSerializerOptions { IsReadOnly: true } options)
        {
            return false;
        }
        options.GetTypeInfo(typeof(JsonElement));
        options.GetTypeInfo(TaskResultType);
        return true;
    }
}

/// <summary>Runs <see cref="InteropJsonWarmUp"/> for each circuit as it opens.</summary>
internal sealed class InteropJsonWarmUpCircuitHandler(IJSRuntime runtime) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        InteropJsonWarmUp.Warm(runtime);
        return Task.CompletedTask;
    }
}
