using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace RetroWalk.CircuitLoad;

/// <summary>
/// One interactive page held the way blazor.web.js holds it: a WebSocket to /_blazor speaking "blazorpack",
/// a circuit started with the page's root components, every render batch acknowledged, and every JS call the
/// page makes answered (as a browser whose script returns nothing would).
/// </summary>
internal sealed class BlazorCircuit : IAsyncDisposable
{
    private readonly HubConnection connection;
    private readonly Stats stats;
    private readonly bool verbose;
    private readonly (string Name, string Value)? clickTarget;
    private long lastBatchTicks;
    private long? interopObjectId;
    private ulong? clickHandler;
    private int calls;
    private TaskCompletionSource firstBatch = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="clickTarget">The attribute that marks the element <see cref="ClickAsync"/> clicks, if any.</param>
    public BlazorCircuit(Uri baseUrl, CookieContainer cookies, Stats stats, bool verbose, (string Name, string Value)? clickTarget = null)
    {
        this.stats = stats;
        this.verbose = verbose;
        this.clickTarget = clickTarget;
        var builder = new HubConnectionBuilder().WithUrl(new Uri(baseUrl, "_blazor"), o =>
        {
            // What the browser does after negotiating, without the extra round trip.
            o.SkipNegotiation = true;
            o.Transports = HttpTransportType.WebSockets;
            o.Cookies = cookies;
        });
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        connection = builder.Build();
        connection.ServerTimeout = TimeSpan.FromSeconds(120);
        connection.On<long, byte[]>("JS.RenderBatch", OnRenderBatch);
        connection.On<long, string, string, int, long, int>("JS.BeginInvokeJS", OnBeginInvokeJS);
        connection.On<string>("JS.Error", error =>
        {
            Interlocked.Increment(ref stats.ServerErrors);
            if (verbose)
            {
                Console.Error.WriteLine($"server error: {error}");
            }
        });
        connection.On<long>("JS.EndUpdateRootComponents", _ => { });
        connection.On<string>("JS.EndInvokeDotNet", _ => { });
    }

    /// <summary>Ticks (Stopwatch) of the last render batch received.</summary>
    public long LastBatchTicks => Interlocked.Read(ref lastBatchTicks);

    public bool Closed => connection.State != HubConnectionState.Connected;

    /// <summary>Connects, starts the circuit with the page's components and waits for its first render.</summary>
    public async Task StartAsync(Uri baseUrl, PageMarkers page, CancellationToken cancellationToken)
    {
        await connection.StartAsync(cancellationToken);
        var secret = await connection.InvokeAsync<string?>("StartCircuit", baseUrl.AbsoluteUri, page.Uri, "[]", "", cancellationToken);
        if (string.IsNullOrEmpty(secret))
        {
            throw new InvalidOperationException("The server refused to start a circuit.");
        }
        await connection.SendAsync("UpdateRootComponents", page.Operations, page.State, cancellationToken);
        await firstBatch.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
    }

    /// <summary>A navigation inside the page (a followed link): the router renders the other page.</summary>
    public Task NavigateAsync(string uri, CancellationToken cancellationToken)
    {
        firstBatch = new(TaskCreationOptions.RunContinuationsAsynchronously);
        return connection.SendAsync("OnLocationChanged", uri, null, true, cancellationToken);
    }

    /// <summary>
    /// A click on the element marked by the click target, as blazor.web.js sends it: the renderer's interop object
    /// (attached at the circuit's start) is asked to dispatch the event to the element's current handler.
    /// </summary>
    public Task ClickAsync(CancellationToken cancellationToken)
    {
        if (interopObjectId is not { } target || clickHandler is not { } handler)
        {
            throw new InvalidOperationException("The page drew no element to click, or attached no renderer interop.");
        }
        firstBatch = new(TaskCreationOptions.RunContinuationsAsynchronously);
        var args = $$"""[{"eventHandlerId":{{handler}},"eventName":"click","eventFieldInfo":null},{"detail":1,"screenX":0,"screenY":0,"clientX":0,"clientY":0,"offsetX":0,"offsetY":0,"pageX":0,"pageY":0,"movementX":0,"movementY":0,"button":0,"buttons":0,"ctrlKey":false,"shiftKey":false,"altKey":false,"metaKey":false,"type":"click"}]""";
        return connection.SendAsync("BeginInvokeDotNetFromJS", Interlocked.Increment(ref calls).ToString(System.Globalization.CultureInfo.InvariantCulture),
            null, "DispatchEventAsync", target, args, cancellationToken);
    }

    /// <summary>Completes at the first render batch after <see cref="NavigateAsync"/> or <see cref="ClickAsync"/>.</summary>
    public Task NextBatch => firstBatch.Task;

    private void OnRenderBatch(long batchId, byte[] data)
    {
        Interlocked.Exchange(ref lastBatchTicks, Stopwatch.GetTimestamp());
        Interlocked.Increment(ref stats.Batches);
        Interlocked.Add(ref stats.BatchBytes, data.Length);
        if (clickTarget is { } click && RenderBatchReader.HandlerOf(data, click.Name, click.Value, "onclick") is { } handler)
        {
            clickHandler = handler;
        }
        _ = Acknowledge(batchId);
        firstBatch.TrySetResult();
    }

    private async Task Acknowledge(long batchId)
    {
        try
        {
            await connection.SendAsync("OnRenderCompleted", batchId, null);
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException or IOException)
        {
            Interlocked.Increment(ref stats.SendFailures);
        }
    }

    private void OnBeginInvokeJS(long asyncHandle, string identifier, string argsJson, int resultType, long targetInstanceId, int callType)
    {
        Interlocked.Increment(ref stats.JsCalls);
        if (identifier == "Blazor._internal.attachWebRendererInterop")
        {
            interopObjectId = DotNetObjectIn(argsJson);
        }
        if (verbose)
        {
            stats.JsIdentifiers.AddOrUpdate(identifier, 1, (_, n) => n + 1);
        }
        // asyncHandle 0 is a call that expects no answer.
        if (asyncHandle != 0)
        {
            _ = AnswerAsync(asyncHandle);
        }
    }

    private async Task AnswerAsync(long asyncHandle)
    {
        try
        {
            await connection.SendAsync("EndInvokeJSFromDotNet", asyncHandle, true, $"[{asyncHandle},true,null]");
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException or IOException)
        {
            Interlocked.Increment(ref stats.SendFailures);
        }
    }

    /// <summary>The id of the first .NET object reference among a JS call's arguments.</summary>
    private static long? DotNetObjectIn(string argsJson)
    {
        using var args = JsonDocument.Parse(argsJson);
        foreach (var arg in args.RootElement.EnumerateArray())
        {
            if (arg.ValueKind == JsonValueKind.Object && arg.TryGetProperty("__dotNetObject", out var id))
            {
                return id.GetInt64();
            }
        }
        return null;
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}

/// <summary>Counters shared by every circuit of a run.</summary>
internal sealed class Stats
{
    public long Batches;
    public long BatchBytes;
    public long JsCalls;
    public long ServerErrors;
    public long SendFailures;
    public ConcurrentDictionary<string, int> JsIdentifiers { get; } = new();
}
