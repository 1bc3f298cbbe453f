using Microsoft.EntityFrameworkCore;
using RetroWalk.Web.Data;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Features.Clinics;

public sealed record ClinicInfo(Guid Id, string Name, string Address, ReportPageSize ReportPageSize, string TimeZone);

public sealed class ClinicService(IDbContextFactory<RetroWalkDbContext> dbFactory, ICurrentUser currentUser)
{
    public async Task<ClinicInfo?> GetCurrentAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Clinics.Where(c => c.Id == currentUser.ClinicId)
            .Select(c => new ClinicInfo(c.Id, c.Name, c.Address, c.ReportPageSize, c.TimeZone))
            .SingleOrDefaultAsync(cancellationToken);
    }
}
