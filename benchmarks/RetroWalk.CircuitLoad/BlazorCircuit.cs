using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using MessagePack;

namespace RetroWalk.CircuitLoad;

/// <summary>
/// One interactive page held the way blazor.web.js holds it: a WebSocket to /_blazor speaking "blazorpack" (SignalR's
/// MessagePack hub protocol under Blazor's name; <see cref="HubFrames"/>), a circuit started with the page's root
/// components, every render batch acknowledged, and every JS call the page makes answered (as a browser whose script
/// returns nothing would).
/// </summary>
/// <remarks>
/// It speaks the protocol over a bare <see cref="ClientWebSocket"/> rather than through SignalR's client, so that the
/// load client's own CPU, which shares the server's cores in these runs, stays small: one receive loop and one send
/// lock per page, render batches read where they arrive, and only the messages a page exchanges.
/// </remarks>
internal sealed class BlazorCircuit : IAsyncDisposable
{
    private const int InitialBuffer = 8 * 1024;

    private readonly ClientWebSocket socket = new();
    private readonly SemaphoreSlim sendLock = new(1, 1);
    private readonly Stats stats;
    private readonly bool verbose;
    private readonly (string Name, string Value)? clickTarget;
    private readonly TaskCompletionSource<string?> circuitStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private byte[] received = new byte[InitialBuffer];
    private int filled;
    private bool handshakeDone;
    private Task receiving = Task.CompletedTask;
    private long lastBatchTicks;
    private long lastSendTicks;
    private long? interopObjectId;
    private ulong? clickHandler;
    private int calls;
    private volatile bool closed;
    private TaskCompletionSource firstBatch = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="clickTarget">The attribute that marks the element <see cref="ClickAsync"/> clicks, if any.</param>
    public BlazorCircuit(CookieContainer cookies, Stats stats, bool verbose, (string Name, string Value)? clickTarget = null)
    {
        this.stats = stats;
        this.verbose = verbose;
        this.clickTarget = clickTarget;
        socket.Options.Cookies = cookies;
        // SignalR's pings (KeepAliveAsync) keep the connection alive, as the browser's client does; no WebSocket pings.
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
    }

    /// <summary>Ticks (Stopwatch) of the last render batch received.</summary>
    public long LastBatchTicks => Interlocked.Read(ref lastBatchTicks);

    public bool Closed => closed || socket.State != WebSocketState.Open;

    /// <summary>
    /// Connects (what the browser does after negotiating, without that round trip), starts the circuit with the
    /// page's components and waits for its first render.
    /// </summary>
    public async Task StartAsync(Uri baseUrl, PageMarkers page, CancellationToken cancellationToken)
    {
        var hub = new UriBuilder(new Uri(baseUrl, "_blazor")) { Scheme = baseUrl.Scheme == "https" ? "wss" : "ws" }.Uri;
        await socket.ConnectAsync(hub, cancellationToken);
        receiving = ReceiveAsync();
        await SendAsync(HubFrames.Handshake, cancellationToken);
        await SendAsync(HubFrames.Invocation("0", "StartCircuit", 4, (ref MessagePackWriter w) =>
        {
            w.Write(baseUrl.AbsoluteUri);
            w.Write(page.Uri);
            w.Write("[]");
            w.Write("");
        }), cancellationToken);
        var secret = await circuitStarted.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        if (string.IsNullOrEmpty(secret))
        {
            throw new InvalidOperationException("The server refused to start a circuit.");
        }
        await SendAsync(HubFrames.Invocation(null, "UpdateRootComponents", 2, (ref MessagePackWriter w) =>
        {
            w.Write(page.Operations);
            w.Write(page.State);
        }), cancellationToken);
        await firstBatch.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
    }

    /// <summary>A navigation inside the page (a followed link): the router renders the other page.</summary>
    public Task NavigateAsync(string uri, CancellationToken cancellationToken)
    {
        firstBatch = new(TaskCreationOptions.RunContinuationsAsynchronously);
        return SendAsync(HubFrames.Invocation(null, "OnLocationChanged", 3, (ref MessagePackWriter w) =>
        {
            w.Write(uri);
            w.WriteNil();
            w.Write(true);
        }), cancellationToken);
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
        var callId = Interlocked.Increment(ref calls).ToString(CultureInfo.InvariantCulture);
        return SendAsync(HubFrames.Invocation(null, "BeginInvokeDotNetFromJS", 5, (ref MessagePackWriter w) =>
        {
            w.Write(callId);
            w.WriteNil();
            w.Write("DispatchEventAsync");
            w.Write(target);
            w.Write(args);
        }), cancellationToken);
    }

    /// <summary>Completes at the first render batch after <see cref="NavigateAsync"/> or <see cref="ClickAsync"/>.</summary>
    public Task NextBatch => firstBatch.Task;

    /// <summary>SignalR's keep-alive: a ping when this side has sent nothing for <paramref name="idle"/>.</summary>
    public Task KeepAliveAsync(TimeSpan idle) =>
        !Closed && Stopwatch.GetElapsedTime(Interlocked.Read(ref lastSendTicks)) >= idle
            ? SendQuietlyAsync(HubFrames.Ping)
            : Task.CompletedTask;

    private async Task SendAsync(byte[] frame, CancellationToken cancellationToken)
    {
        await sendLock.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(frame, WebSocketMessageType.Binary, endOfMessage: true, cancellationToken);
            Interlocked.Exchange(ref lastSendTicks, Stopwatch.GetTimestamp());
        }
        finally
        {
            sendLock.Release();
        }
    }

    /// <summary>Sends, counting a failure instead of throwing (acknowledgements, JS answers and pings).</summary>
    private async Task SendQuietlyAsync(byte[] frame)
    {
        try
        {
            await SendAsync(frame, CancellationToken.None);
        }
        catch (Exception ex) when (ex is WebSocketException or InvalidOperationException or ObjectDisposedException or OperationCanceledException)
        {
            Interlocked.Increment(ref stats.SendFailures);
        }
    }

    /// <summary>Reads the socket until it closes, handling every complete hub message as it arrives.</summary>
    private async Task ReceiveAsync()
    {
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                if (filled == received.Length)
                {
                    Array.Resize(ref received, received.Length * 2);
                }
                var result = await socket.ReceiveAsync(received.AsMemory(filled), CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
                filled += result.Count;
                var used = await HandleReceivedAsync();
                Buffer.BlockCopy(received, used, received, 0, filled - used);
                filled -= used;
                if (filled == 0 && received.Length > InitialBuffer)
                {
                    // A page's first render can be large; what stays open between clicks is small.
                    received = new byte[InitialBuffer];
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException or MessagePackSerializationException or InvalidOperationException)
        {
            if (verbose)
            {
                Console.Error.WriteLine($"connection ended: {ex.GetType().Name}: {ex.Message}");
            }
        }
        finally
        {
            closed = true;
            circuitStarted.TrySetException(new InvalidOperationException("The connection closed before the circuit started."));
            firstBatch.TrySetException(new InvalidOperationException("The connection closed."));
        }
    }

    /// <summary>Handles the complete messages at the start of the buffer; returns how many bytes they took.</summary>
    private async Task<int> HandleReceivedAsync()
    {
        var at = 0;
        if (!handshakeDone)
        {
            var end = Array.IndexOf(received, HubFrames.RecordSeparator, 0, filled);
            if (end < 0)
            {
                return 0;
            }
            HubFrames.CheckHandshakeResponse(received.AsSpan(0, end));
            handshakeDone = true;
            at = end + 1;
        }
        while (HubFrames.TryFrame(received.AsSpan(at, filled - at), out var headerLength, out var length))
        {
            var reply = Handle(received.AsMemory(at + headerLength, length));
            at += headerLength + length;
            if (reply is not null)
            {
                await SendQuietlyAsync(reply);
            }
        }
        return at;
    }

    /// <summary>Handles one hub message; returns the frame to answer it with, if any.</summary>
    private byte[]? Handle(ReadOnlyMemory<byte> message)
    {
        var reader = new MessagePackReader(message);
        reader.ReadArrayHeader();
        switch (reader.ReadInt32())
        {
            case HubFrames.InvocationType:
                reader.Skip(); // headers
                reader.Skip(); // invocation id: the server expects no answer to its own invocations here
                var target = reader.ReadStringSequence() ?? default;
                reader.ReadArrayHeader();
                return HubFrames.Is(target, "JS.RenderBatch"u8) ? OnRenderBatch(ref reader)
                    : HubFrames.Is(target, "JS.BeginInvokeJS"u8) ? OnBeginInvokeJS(ref reader)
                    : HubFrames.Is(target, "JS.Error"u8) ? OnError(ref reader)
                    : null;
            case HubFrames.CompletionType:
                reader.Skip(); // headers
                reader.Skip(); // the one invocation this side makes: StartCircuit
                var kind = reader.ReadInt32();
                var result = kind is HubFrames.ErrorResult or HubFrames.NonVoidResult && !reader.TryReadNil() ? reader.ReadString() : null;
                if (kind == HubFrames.ErrorResult)
                {
                    circuitStarted.TrySetException(new InvalidOperationException($"StartCircuit failed: {result}"));
                }
                else
                {
                    circuitStarted.TrySetResult(result);
                }
                return null;
            case HubFrames.CloseType:
                closed = true;
                if (verbose)
                {
                    Console.Error.WriteLine($"server closed the connection: {(reader.TryReadNil() ? "" : reader.ReadString())}");
                }
                return null;
            default:
                return null; // pings and anything else
        }
    }

    private byte[] OnRenderBatch(ref MessagePackReader reader)
    {
        Interlocked.Exchange(ref lastBatchTicks, Stopwatch.GetTimestamp());
        var batchId = reader.ReadInt64();
        var data = reader.ReadBytes() ?? default;
        Interlocked.Increment(ref stats.Batches);
        Interlocked.Add(ref stats.BatchBytes, data.Length);
        if (clickTarget is { } click && RenderBatchReader.HandlerOf(data.IsSingleSegment ? data.FirstSpan : data.ToArray(), click.Name, click.Value, "onclick") is { } handler)
        {
            clickHandler = handler;
        }
        firstBatch.TrySetResult();
        return HubFrames.Invocation(null, "OnRenderCompleted", 2, (ref MessagePackWriter w) =>
        {
            w.Write(batchId);
            w.WriteNil();
        });
    }

    private byte[]? OnBeginInvokeJS(ref MessagePackReader reader)
    {
        Interlocked.Increment(ref stats.JsCalls);
        var asyncHandle = reader.ReadInt64();
        var identifier = reader.ReadString() ?? "";
        var argsJson = reader.TryReadNil() ? null : reader.ReadString();
        if (identifier == "Blazor._internal.attachWebRendererInterop" && argsJson is not null)
        {
            interopObjectId = DotNetObjectIn(argsJson);
        }
        if (verbose)
        {
            stats.JsIdentifiers.AddOrUpdate(identifier, 1, (_, n) => n + 1);
        }
        // asyncHandle 0 is a call that expects no answer.
        return asyncHandle == 0 ? null : HubFrames.Invocation(null, "EndInvokeJSFromDotNet", 3, (ref MessagePackWriter w) =>
        {
            w.Write(asyncHandle);
            w.Write(true);
            w.Write($"[{asyncHandle},true,null]");
        });
    }

    private byte[]? OnError(ref MessagePackReader reader)
    {
        Interlocked.Increment(ref stats.ServerErrors);
        if (verbose)
        {
            Console.Error.WriteLine($"server error: {(reader.TryReadNil() ? "" : reader.ReadString())}");
        }
        return null;
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

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await sendLock.WaitAsync(timeout.Token);
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
                await receiving.WaitAsync(timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or TimeoutException or ObjectDisposedException)
        {
            // Closing a page that is already gone.
        }
        socket.Dispose();
    }
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
