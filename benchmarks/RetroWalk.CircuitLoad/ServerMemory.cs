using System.Globalization;

namespace RetroWalk.CircuitLoad;

/// <summary>The server's resident memory, read from /proc/PID/status (Linux).</summary>
internal static class ServerMemory
{
    public static long? Read(int? pid)
    {
        if (pid is null)
        {
            return null;
        }
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kilobytes = line["VmRSS:".Length..].Trim().Split(' ')[0];
                return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
            }
        }
        return null;
    }

    public static string Format(long? bytes) => bytes is { } b ? string.Create(CultureInfo.InvariantCulture, $"{b / 1024d / 1024:F0} MB") : "not read (no --server-pid)";
}
