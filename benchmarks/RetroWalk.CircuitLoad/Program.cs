using System.Diagnostics;
using System.Globalization;
using RetroWalk.CircuitLoad;

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException or UriFormatException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

using var overall = new CancellationTokenSource(options.Overall);
Console.CancelKeyPress += (_, e) => { e.Cancel = true; overall.Cancel(); };
var run = new LoadRun(options);
try
{
    await run.RunAsync(overall.Token);
    return 0;
}
catch (OperationCanceledException) when (overall.IsCancellationRequested)
{
    Console.Error.WriteLine($"Stopped: the run reached its limit of {options.Overall.TotalMinutes} minutes or was interrupted.");
    return 3;
}
finally
{
    await run.CloseAllAsync();
}

namespace RetroWalk.CircuitLoad
{
    /// <summary>Signs in, steps through the circuit counts reading the server's memory at each, then makes every circuit act once.</summary>
    internal sealed class LoadRun(LoadOptions options)
    {
        private readonly List<BlazorCircuit> circuits = [];
        private readonly Stats stats = new();

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            using var session = new PageSession(options);
            await session.SignInAsync(cancellationToken);
            cookies = session.Cookies;
            var page = await session.LoadAsync(options.Page, cancellationToken);
            var pageAge = Stopwatch.StartNew();
            Console.WriteLine($"Signed in as {options.Email}; /{options.Page}: {page.HtmlLength:N0} characters, {page.Components} interactive root component(s), persisted state {(page.State.Length > 0 ? $"{page.State.Length:N0} characters" : "none")}.");
            if (page.Components == 0)
            {
                Console.WriteLine("The page starts no circuit (it is served without one): nothing to hold.");
                return;
            }

            _ = KeepAliveAsync(cancellationToken);
            var baseline = ServerMemory.Read(options.ServerPid);
            Console.WriteLine($"Server RSS before: {ServerMemory.Format(baseline)}");
            var points = new List<(int Count, long Rss)>();
            var attempts = 0;
            foreach (var target in options.Counts.Order())
            {
                var opening = Stopwatch.StartNew();
                using var gate = new SemaphoreSlim(options.OpenInParallel);
                var pending = new List<Task>();
                for (var toOpen = target - circuits.Count; toOpen > 0; toOpen--)
                {
                    if (pageAge.Elapsed > options.MarkerAge)
                    {
                        // The component markers are valid for a few minutes only: fetch them again, as a browser would.
                        await Task.WhenAll(pending);
                        pending.Clear();
                        page = await session.LoadAsync(options.Page, cancellationToken);
                        pageAge.Restart();
                    }
                    await gate.WaitAsync(cancellationToken);
                    pending.Add(OpenAsync(page, gate, cancellationToken));
                    attempts++;
                }
                await Task.WhenAll(pending);
                await Task.Delay(options.Settle, cancellationToken);
                var rss = ServerMemory.Read(options.ServerPid);
                var open = circuits.Count(c => !c.Closed);
                Console.WriteLine($"{circuits.Count,6:N0} circuits ({open:N0} connected) opened in {opening.Elapsed.TotalSeconds:F1} s; server RSS {ServerMemory.Format(rss)}; JS calls {stats.JsCalls:N0}, render batches {stats.Batches:N0}, server errors {stats.ServerErrors}");
                if (rss is { } value)
                {
                    points.Add((circuits.Count, value));
                }
            }
            if (points.Count >= 2)
            {
                Console.WriteLine($"Server memory per circuit (least-squares slope over {points[0].Count:N0}-{points[^1].Count:N0}): {Slope(points) / 1024:F0} KB");
            }
            if (options.Verbose)
            {
                foreach (var (identifier, calls) in stats.JsIdentifiers.OrderByDescending(p => p.Value))
                {
                    Console.WriteLine($"  JS call {identifier}: {calls:N0}");
                }
            }
            await Task.Delay(options.Hold, cancellationToken);
            if (options.Act != "none")
            {
                await ActAsync(cancellationToken);
            }
            if (attempts > circuits.Count)
            {
                Console.WriteLine($"{attempts - circuits.Count:N0} of {attempts:N0} circuits failed to open.");
            }
        }

        /// <summary>
        /// SignalR's keep-alive, as the browser's client keeps it: a ping from every page that has sent nothing for 15
        /// seconds, so that the server (which drops a client silent for 30) keeps the pages that only wait.
        /// </summary>
        private async Task KeepAliveAsync(CancellationToken cancellationToken)
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
            try
            {
                while (await timer.WaitForNextTickAsync(cancellationToken))
                {
                    BlazorCircuit[] open;
                    lock (circuits)
                    {
                        open = [.. circuits];
                    }
                    foreach (var circuit in open)
                    {
                        await circuit.KeepAliveAsync(TimeSpan.FromSeconds(15));
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The run is over.
            }
        }

        private async Task OpenAsync(PageMarkers page, SemaphoreSlim gate, CancellationToken cancellationToken)
        {
            var circuit = new BlazorCircuit(stats: stats, cookies: CookiesOf(), verbose: options.Verbose, clickTarget: options.Click);
            try
            {
                await circuit.StartAsync(options.BaseUrl, page, cancellationToken);
                lock (circuits)
                {
                    circuits.Add(circuit);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (options.Verbose)
                {
                    Console.Error.WriteLine($"circuit failed: {ex.GetType().Name}: {ex.Message}");
                }
                await circuit.DisposeAsync();
            }
            finally
            {
                gate.Release();
            }
        }

        private System.Net.CookieContainer? cookies;

        private System.Net.CookieContainer CookiesOf() => cookies ?? throw new InvalidOperationException("Not signed in.");

        /// <summary>
        /// Every circuit follows a link (or clicks, with <see cref="LoadOptions.Click"/>) once, all at once or spread evenly over <see cref="LoadOptions.Spread"/>.
        /// Latency: from the start of the burst, and from each circuit's own action, to that circuit's next render.
        /// </summary>
        private async Task ActAsync(CancellationToken cancellationToken)
        {
            var target = new Uri(options.BaseUrl, options.Act).AbsoluteUri;
            var live = circuits.Where(c => !c.Closed).ToList();
            var fromBurst = new double[live.Count];
            var fromAction = new double[live.Count];
            var timedOut = 0;
            var serverCpu = ServerMemory.CpuTime(options.ServerPid);
            var clientCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var start = Stopwatch.GetTimestamp();
            var waits = new Task[live.Count];
            for (var i = 0; i < live.Count; i++)
            {
                var index = i;
                var circuit = live[i];
                var offset = live.Count > 1 ? options.Spread * ((double)i / (live.Count - 1)) : TimeSpan.Zero;
                waits[i] = Task.Run(async () =>
                {
                    var due = offset - Stopwatch.GetElapsedTime(start);
                    if (due > TimeSpan.Zero)
                    {
                        await Task.Delay(due, cancellationToken);
                    }
                    var sent = Stopwatch.GetTimestamp();
                    await (options.Click is null ? circuit.NavigateAsync(target, cancellationToken) : circuit.ClickAsync(cancellationToken));
                    try
                    {
                        await circuit.NextBatch.WaitAsync(options.ActTimeout, cancellationToken);
                        fromBurst[index] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                        fromAction[index] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                    }
                    catch (TimeoutException)
                    {
                        fromBurst[index] = fromAction[index] = double.NaN;
                        Interlocked.Increment(ref timedOut);
                    }
                }, cancellationToken);
            }
            await Task.WhenAll(waits);
            var total = Stopwatch.GetElapsedTime(start).TotalSeconds;
            var what = options.Click is { } click ? $"clicked the element with {click.Name}=\"{click.Value}\"" : $"navigated to /{options.Act}";
            Console.WriteLine($"Act: {live.Count:N0} circuits {what}, {(options.Spread > TimeSpan.Zero ? $"spread over {options.Spread.TotalSeconds:F1} s" : "all at once")}; {live.Count - timedOut:N0} rendered, {timedOut} timed out after {options.ActTimeout.TotalSeconds:F0} s; {(live.Count - timedOut) / total:F0} renders/s.");
            Report("from the start of the burst", fromBurst);
            Report("from each circuit's own action", fromAction);
            // CPU per action, of the server and of this client, which share the machine's cores in this measurement.
            var clientPerAction = (Process.GetCurrentProcess().TotalProcessorTime - clientCpu).TotalMilliseconds / live.Count;
            if (ServerMemory.CpuTime(options.ServerPid) - serverCpu is { } serverUsed)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  CPU per action: server {serverUsed.TotalMilliseconds / live.Count:F2} ms, load client {clientPerAction:F2} ms ({Environment.ProcessorCount} cores)"));
            }
        }

        private static void Report(string what, double[] latencies)
        {
            var done = latencies.Where(l => !double.IsNaN(l)).Order().ToArray();
            if (done.Length > 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  Latency to the next render {what}: p50 {Percentile(done, 0.50):F0} ms, p95 {Percentile(done, 0.95):F0} ms, p99 {Percentile(done, 0.99):F0} ms, max {done[^1]:F0} ms"));
            }
        }

        private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

        private static double Slope(List<(int Count, long Rss)> points)
        {
            var meanX = points.Average(p => (double)p.Count);
            var meanY = points.Average(p => (double)p.Rss);
            var covariance = points.Sum(p => (p.Count - meanX) * (p.Rss - meanY));
            var variance = points.Sum(p => (p.Count - meanX) * (p.Count - meanX));
            return covariance / variance;
        }

        /// <summary>Closes every connection (and so every circuit), a few at a time.</summary>
        public async Task CloseAllAsync()
        {
            BlazorCircuit[] all;
            lock (circuits)
            {
                all = [.. circuits];
                circuits.Clear();
            }
            await Parallel.ForEachAsync(all, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (c, _) => await c.DisposeAsync());
            if (all.Length > 0)
            {
                Console.WriteLine($"Closed {all.Length:N0} circuits.");
            }
        }
    }
}
