using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using RetroWalk.Web.Data;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Features.Audit;

/// <summary>Who an access event is about when it is not the signed-in user (a sign-in attempt, an account change).</summary>
public sealed record AccessActor(string? UserId, string UserName, Guid? ClinicId);

/// <summary>
/// Records access events (<see cref="AccessEvent"/>) and writes the same event as a structured log line with
/// the user, clinic, client address and the request's correlation id.
/// </summary>
public sealed class AccessLog(
    IDbContextFactory<RetroWalkDbContext> dbFactory,
    ICurrentUser currentUser,
    IHttpContextAccessor http,
    TimeProvider clock,
    ILogger<AccessLog> logger)
{
    /// <summary>An access by the signed-in user.</summary>
    public Task RecordAsync(AccessKind kind, string? target, string? targetId = null, CancellationToken cancellationToken = default) =>
        RecordAsync(kind, target, targetId, new AccessActor(currentUser.UserId, currentUser.UserName,
            currentUser.ClinicId == Guid.Empty ? null : currentUser.ClinicId), cancellationToken);

    public async Task RecordAsync(AccessKind kind, string? target, string? targetId, AccessActor actor, CancellationToken cancellationToken = default)
    {
        var context = http.HttpContext;
        var entry = new AccessEvent
        {
            At = clock.GetUtcNow(),
            ClinicId = actor.ClinicId,
            UserId = actor.UserId,
            UserName = Clip(actor.UserName, 256) ?? "",
            ClientAddress = context?.Connection.RemoteIpAddress?.ToString(),
            Kind = kind,
            Target = Clip(target, 300),
            TargetId = Clip(targetId, 100),
            CorrelationId = Clip(Activity.Current?.TraceId.ToString() ?? context?.TraceIdentifier, 64),
        };
        logger.LogInformation(
            "Access {AccessKind} of {Target} by {UserName} ({UserId}) of clinic {ClinicId} from {ClientAddress}, correlation {CorrelationId}",
            entry.Kind, entry.Target, entry.UserName, entry.UserId, entry.ClinicId, entry.ClientAddress, entry.CorrelationId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Set<AccessEvent>().Add(entry);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string? Clip(string? text, int length) => text is { Length: > 0 } && text.Length > length ? text[..length] : text;
}
