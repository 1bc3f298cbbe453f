using System.Globalization;
using System.Net;

namespace RetroWalk.CircuitLoad;

/// <summary>What one run does; every bound has a ceiling so a mistyped number cannot overload the machine.</summary>
internal sealed record LoadOptions
{
    public const int MaxCircuits = 12_000;

    public Uri BaseUrl { get; init; } = new("http://127.0.0.1:5182/");
    public string Page { get; init; } = "";
    public string Act { get; init; } = "patients";

    /// <summary>When set, the action is a click on the element with this attribute (name=value) instead of a navigation.</summary>
    public (string Name, string Value)? Click { get; init; }
    public string Email { get; init; } = "therapist@riverside.example";
    public string Password { get; init; } = "Demo-Therapist-2026";
    public IReadOnlyList<int> Counts { get; init; } = [1000, 2000, 3000, 4000, 5000];
    public int? ServerPid { get; init; }
    public int OpenInParallel { get; init; } = 16;
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan Hold { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan ActTimeout { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan Spread { get; init; } = TimeSpan.Zero;
    public TimeSpan Overall { get; init; } = TimeSpan.FromMinutes(30);
    public TimeSpan MarkerAge { get; init; } = TimeSpan.FromMinutes(1);
    public bool Verbose { get; init; }

    public const string Usage = """
        RetroWalk.CircuitLoad: holds interactive circuits on one page of a RetroWalk server on this machine.
          --url URL            the server (loopback only), default http://127.0.0.1:5182/
          --page PATH          the page to hold, default "" (the dashboard)
          --act PATH           where every circuit navigates once at the end, default "patients"; "none" to skip
          --click NAME=VALUE   the action is instead a click on the element with this attribute, e.g.
                               "aria-label=Show or hide the navigation" (the menu button)
          --spread SECONDS     spread the circuits' actions evenly over this time, default 0 (all at once)
          --counts N,N,...     circuit counts to step through (memory is read at each), default 1000,...,5000; at most 12000
          --server-pid PID     the server's process id, to read its memory (RSS) from /proc
          --email, --password  who signs in, default the demo therapist
          --parallel N         circuits opened at once, default 16
          --settle SECONDS     wait after each step before reading memory, default 10
          --hold SECONDS       wait at the last step before acting, default 5
          --timeout MINUTES    the whole run stops after this, default 30
          --verbose            print the JS calls the page makes and every error
        """;

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--url" => options with { BaseUrl = new Uri(Next().TrimEnd('/') + "/") },
                "--page" => options with { Page = Next().TrimStart('/') },
                "--act" => options with { Act = Next().TrimStart('/') },
                "--click" => Next().Split('=', 2) is [var name, var value] ? options with { Click = (name, value) }
                    : throw new ArgumentException("--click takes NAME=VALUE."),
                "--counts" => options with { Counts = [.. Next().Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture))] },
                "--server-pid" => options with { ServerPid = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--email" => options with { Email = Next() },
                "--password" => options with { Password = Next() },
                "--parallel" => options with { OpenInParallel = Math.Clamp(int.Parse(Next(), CultureInfo.InvariantCulture), 1, 64) },
                "--settle" => options with { Settle = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--hold" => options with { Hold = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--timeout" => options with { Overall = TimeSpan.FromMinutes(Math.Min(120, double.Parse(Next(), CultureInfo.InvariantCulture))) },
                "--spread" => options with { Spread = TimeSpan.FromSeconds(Math.Clamp(double.Parse(Next(), CultureInfo.InvariantCulture), 0, 60)) },
                "--verbose" => options with { Verbose = true },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        options.Validate();
        return options;
    }

    private void Validate()
    {
        if (BaseUrl.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException("--url must be http or https.");
        }
        var loopback = BaseUrl.IsLoopback
            || (IPAddress.TryParse(BaseUrl.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
        if (!loopback)
        {
            throw new ArgumentException($"{BaseUrl} is not on this machine: the load client only targets loopback addresses.");
        }
        if (Counts.Count == 0 || Counts.Any(c => c < 1) || Counts.Max() > MaxCircuits)
        {
            throw new ArgumentException($"--counts must be between 1 and {MaxCircuits}.");
        }
    }
}
