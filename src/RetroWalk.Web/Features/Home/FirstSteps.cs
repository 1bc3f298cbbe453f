using Microsoft.EntityFrameworkCore;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Programs;
using RetroWalk.Web.Features.Protocols;

namespace RetroWalk.Web.Features.Home;

/// <summary>
/// How far a clinic has come with its first programme: a protocol (usually from a template), a patient, and the
/// protocol assigned to a patient. A new clinic's dashboard shows the next of these steps.
/// </summary>
public sealed record FirstSteps(bool HasProtocol, bool HasPatient, bool HasProgramme)
{
    public bool AllDone => HasProtocol && HasPatient && HasProgramme;
}

public sealed class FirstStepsService(IDbContextFactory<RetroWalkDbContext> dbFactory)
{
    /// <summary>The signed-in user's clinic (archived records count: the clinic has been started).</summary>
    public async Task<FirstSteps> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return new FirstSteps(
            HasProtocol: await db.Set<Protocol>().IgnoreQueryFilters([RetroWalkDbContext.QueryFilters.Archived]).AnyAsync(cancellationToken),
            HasPatient: await db.Patients.IgnoreQueryFilters([RetroWalkDbContext.QueryFilters.Archived]).AnyAsync(cancellationToken),
            HasProgramme: await db.Set<Programme>().AnyAsync(cancellationToken));
    }
}
