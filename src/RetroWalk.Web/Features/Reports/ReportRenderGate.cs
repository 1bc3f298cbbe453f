using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace RetroWalk.Web.Features.Reports;

/// <summary>Bounds on PDF rendering over HTTP, bound from <c>Reports:Rendering</c>.</summary>
public sealed class ReportRenderOptions
{
    public const string Section = "Reports:Rendering";

    /// <summary>
    /// Renders running at once in this instance. Each holds at most one database connection while it gathers
    /// its data, so this also bounds what PDF downloads take from the pool (<c>Database:MaxPoolSize</c>).
    /// </summary>
    [Range(1, 64)]
    public int MaxConcurrent { get; set; } = 4;

    /// <summary>Renders one person may have running or waiting at once; more are refused with 429.</summary>
    [Range(1, 64)]
    public int MaxPerUser { get; set; } = 2;

    /// <summary>Renders waiting for a free slot; more are refused with 503.</summary>
    [Range(0, 1000)]
    public int QueueLength { get; set; } = 8;

    /// <summary>The Retry-After sent with a refusal, in seconds.</summary>
    [Range(1, 600)]
    public int RetryAfterSeconds { get; set; } = 5;
}

public enum RenderRefusal
{
    None,
    TooManyForUser,
    ServerBusy,
}

/// <summary>
/// Admits PDF renders: a few at a time for the whole instance (first come, first served, with a short queue) and
/// at most a few per person, so that one person's hundred downloads cannot take every database connection.
/// </summary>
public sealed class ReportRenderGate : IDisposable
{
    private readonly ConcurrencyLimiter instance;
    private readonly PartitionedRateLimiter<string> perUser;

    public ReportRenderGate(IOptions<ReportRenderOptions> options)
    {
        var settings = options.Value;
        instance = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = settings.MaxConcurrent,
            QueueLimit = settings.QueueLength,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        perUser = PartitionedRateLimiter.Create<string, string>(user => RateLimitPartition.GetConcurrencyLimiter(user,
            _ => new ConcurrencyLimiterOptions { PermitLimit = settings.MaxPerUser, QueueLimit = 0 }));
    }

    /// <summary>A permit to render (dispose it when done), or why there is none.</summary>
    public async ValueTask<(IDisposable? Permit, RenderRefusal Refusal)> EnterAsync(string userKey, CancellationToken cancellationToken)
    {
        var mine = perUser.AttemptAcquire(userKey);
        if (!mine.IsAcquired)
        {
            mine.Dispose();
            return (null, RenderRefusal.TooManyForUser);
        }
        var slot = await instance.AcquireAsync(1, cancellationToken);
        if (!slot.IsAcquired)
        {
            slot.Dispose();
            mine.Dispose();
            return (null, RenderRefusal.ServerBusy);
        }
        return (new Permit(mine, slot), RenderRefusal.None);
    }

    public void Dispose()
    {
        instance.Dispose();
        perUser.Dispose();
    }

    private sealed class Permit(RateLimitLease mine, RateLimitLease slot) : IDisposable
    {
        public void Dispose()
        {
            slot.Dispose();
            mine.Dispose();
        }
    }
}

/// <summary>Puts an endpoint behind <see cref="ReportRenderGate"/>: 429 or 503 with Retry-After when it is full.</summary>
public sealed class ReportRenderLimit(ReportRenderGate gate, IOptions<ReportRenderOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var user = http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var (permit, refusal) = await gate.EnterAsync(user, http.RequestAborted);
        if (permit is null)
        {
            http.Response.Headers.RetryAfter = options.Value.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return refusal == RenderRefusal.TooManyForUser
                ? Results.Text("You have several reports being prepared already. Try again in a few seconds.", statusCode: StatusCodes.Status429TooManyRequests)
                : Results.Text("Many reports are being prepared right now. Try again in a few seconds.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        using (permit)
        {
            return await next(context);
        }
    }
}
