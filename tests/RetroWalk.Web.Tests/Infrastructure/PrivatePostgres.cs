using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace RetroWalk.Web.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of a test's own, started and stopped with the same functions scripts/run.sh and
/// scripts/test.sh use (scripts/lib.sh). For tests that take the server down: the shared test cluster must stay
/// up for the test classes running beside them. Lives under .data/ (git-ignored) and is deleted afterwards.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string directory;
    private readonly int port;

    private PrivatePostgres(string directory, int port)
    {
        this.directory = directory;
        this.port = port;
    }

    /// <summary>Server-level connection string (no database), like RETROWALK_TEST_POSTGRES.</summary>
    public string ServerConnectionString { get; private set; } = "";

    public static async Task<PrivatePostgres> CreateAsync()
    {
        var root = RepositoryRoot();
        var cluster = new PrivatePostgres(Path.Combine(root, ".data", $"postgres-private-{Guid.NewGuid():N}"[..32]), FreeLoopbackPort());
        await cluster.StartAsync();
        return cluster;
    }

    public async Task StartAsync() =>
        ServerConnectionString = (await LibAsync("start_postgres \"$1\" \"$2\"", directory, port.ToString(System.Globalization.CultureInfo.InvariantCulture))).Trim();

    /// <summary>Stops the server ("fast" shutdown: open connections are ended, as in a crash of the service).</summary>
    public Task StopAsync() => LibAsync("stop_postgres \"$1\"", directory);

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(directory, recursive: true);
        File.Delete(directory + ".password");
    }

    public static async Task<string> LibAsync(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot(),
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"source scripts/lib.sh && {command}");
        start.ArgumentList.Add("lib.sh");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/lib.sh {command} failed ({process.ExitCode}): {await error}");
        }
        return await output;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The folder holding RetroWalk.sln, found upwards from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "RetroWalk.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("RetroWalk.sln not found above " + AppContext.BaseDirectory);
    }
}
