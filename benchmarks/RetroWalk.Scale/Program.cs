using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RetroWalk.Scale;
using RetroWalk.Web.Data;
using RetroWalk.Web.Infrastructure;

// RetroWalk at the size of a large clinic, on PostgreSQL (see README, "Scale: large clinics"):
//   seed  [--patients 100000] [--today 2026-11-30] [--seed 20261130] [--therapists 40]
//   timed [--iterations 200] [--plans benchmarks/plans] [--only "dashboard flags"]
//   audit-sample [--patients 200] [--seed 20261130]   (into an empty database: a trail written through the app, measured)
// The database comes from ConnectionStrings__RetroWalk (and ConnectionStrings__RetroWalkOwner, the role that owns the
// tables, for the bulk copy), exactly as for the app; it must be migrated first (the app's `migrate` command).
var command = args.FirstOrDefault();
string Option(string name, string fallback)
{
    var at = Array.IndexOf(args, $"--{name}");
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
}
var today = DateOnly.ParseExact(Option("today", "2026-11-30"), "yyyy-MM-dd", CultureInfo.InvariantCulture);

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.AddRetroWalkDatabase();
builder.AddRetroWalkIdentity();
builder.AddRetroWalkWeb();
// The clinic's clock stands at noon UTC of --today, so that "today" is the seeded one on any day the tools run. For the
// audit sample it moves on a millisecond at each reading: audit rows written at one instant would share their index keys,
// which PostgreSQL's B-tree stores once, and the indexes would look smaller than a clinic's.
var noon = new DateTimeOffset(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
builder.Services.AddSingleton<TimeProvider>(command == "audit-sample" ? new TickingTime(noon, TimeSpan.FromMilliseconds(1)) : new FixedTime(noon));
await using var app = builder.Build();
var connection = app.Configuration.GetConnectionString("RetroWalkOwner") ?? app.Configuration.GetConnectionString("RetroWalk")
    ?? throw new InvalidOperationException("Set ConnectionStrings__RetroWalk (and ConnectionStrings__RetroWalkOwner) to the scale database.");

switch (command)
{
    case "seed":
        var options = new SeedOptions(
            int.Parse(Option("patients", "100000"), CultureInfo.InvariantCulture), today,
            int.Parse(Option("seed", "20261130"), CultureInfo.InvariantCulture),
            int.Parse(Option("therapists", "40"), CultureInfo.InvariantCulture));
        return await new Seeder(app.Services, connection, options, Console.Out).RunAsync();
    case "timed":
        var only = Option("only", "");
        var timed = new TimedOptions(int.Parse(Option("iterations", "200"), CultureInfo.InvariantCulture), today, Option("plans", "benchmarks/plans"),
            only.Length > 0 ? only : null);
        return await new Timed(app.Services, app.Configuration.GetConnectionString("RetroWalk") ?? connection, timed, Console.Out).RunAsync();
    case "audit-sample":
        var sample = new AuditSampleOptions(int.Parse(Option("patients", "200"), CultureInfo.InvariantCulture), today,
            int.Parse(Option("seed", "20261130"), CultureInfo.InvariantCulture));
        return await new AuditSample(app.Services, connection, sample, Console.Out).RunAsync();
    default:
        await Console.Error.WriteLineAsync("Usage: RetroWalk.Scale seed [--patients N] [--today yyyy-MM-dd] [--seed N] [--therapists N]");
        await Console.Error.WriteLineAsync("       RetroWalk.Scale timed [--iterations N] [--today yyyy-MM-dd] [--plans folder] [--only name]");
        await Console.Error.WriteLineAsync("       RetroWalk.Scale audit-sample [--patients N] [--today yyyy-MM-dd] [--seed N]");
        return 2;
}

/// <summary>A clock that stands still.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>A clock that moves on by a fixed step at each reading.</summary>
internal sealed class TickingTime(DateTimeOffset start, TimeSpan step) : TimeProvider
{
    private long readings;

    public override DateTimeOffset GetUtcNow() => start + step * Interlocked.Increment(ref readings);
}
