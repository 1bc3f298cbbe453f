using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
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
    private long lastBatchTicks;
    private TaskCompletionSource firstBatch = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public BlazorCircuit(Uri baseUrl, CookieContainer cookies, Stats stats, bool verbose)
    {
        this.stats = stats;
        this.verbose = verbose;
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

    /// <summary>Completes at the first render batch after <see cref="NavigateAsync"/>.</summary>
    public Task NextBatch => firstBatch.Task;

    private void OnRenderBatch(long batchId, byte[] data)
    {
        Interlocked.Exchange(ref lastBatchTicks, Stopwatch.GetTimestamp());
        Interlocked.Increment(ref stats.Batches);
        Interlocked.Add(ref stats.BatchBytes, data.Length);
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
