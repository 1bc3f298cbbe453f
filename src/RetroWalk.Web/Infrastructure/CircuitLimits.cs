using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.SignalR;

namespace RetroWalk.Web.Infrastructure;

/// <summary>
/// What one interactive page (a circuit) may hold on the server, set on purpose rather than left to the defaults:
/// a clinic keeps many pages open all day, so each circuit's memory and what a dropped one leaves behind are
/// bounded. See README, "Scale: circuits", for the measured cost per circuit.
/// </summary>
public static class CircuitLimits
{
    public static void Configure(CircuitOptions options)
    {
        // A network drop at a site (Wi-Fi roaming, a router restart) disconnects every page there at once. Up to
        // 1,000 circuits are kept for the reconnect modal to resume them with their state; beyond that the oldest
        // are dropped and those pages reload. At about half a megabyte each this bounds kept circuits to ~0.5 GB.
        // Typed text is not lost either way: open forms keep protected drafts (DraftKeeper).
        options.DisconnectedCircuitMaxRetained = 1_000;

        // Two minutes covers a tablet carried between rooms or a short outage; a page away for longer reloads
        // (and its draft is offered back). The default three minutes would keep every dropped page 50 % longer.
        options.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(2);

        // Each render batch the browser has not acknowledged yet is kept in memory to resend. A slow tablet stops
        // receiving updates after five rather than the default ten, which halves what one lagging page can hold.
        options.MaxBufferedUnacknowledgedRenderBatches = 5;

        // Calls into the browser (MudBlazor's layout measurements, the idle watch, downloads) answer in
        // milliseconds; a page that has not answered in 30 seconds is gone, and its pending call should not hold
        // the circuit for the default minute.
        options.JSInteropDefaultCallTimeout = TimeSpan.FromSeconds(30);

        // Never send server exception details to the browser, in any environment: they can carry patient data.
        // The server log has them.
        options.DetailedErrors = false;
    }

    public static void ConfigureHub(HubOptions options)
    {
        // The app uploads no files over the circuit; the largest messages are form values and JS interop results.
        // SignalR's 32 KB default is kept, stated here so it is not raised by accident: every connection may
        // buffer up to this much.
        options.MaximumReceiveMessageSize = 32 * 1024;
    }

    public static void ConfigureEndpoint(ServerComponentsEndpointOptions options)
    {
        // WebSocket compression keeps a deflate state per connection (measured ~220 KB per circuit), more than a
        // circuit's own page state, and render batches are small binary diffs that compress little. Off. The
        // Content-Security-Policy's frame-ancestors 'none' (Infrastructure/Security) already forbids framing,
        // which is what Blazor adds a frame-ancestors header for when compression is on.
        options.DisableWebSocketCompression = true;
    }
}
