using Microsoft.EntityFrameworkCore;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Assessments;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Features.Programs;
using RetroWalk.Web.Features.Protocols;
using RetroWalk.Web.Features.Sessions;

namespace RetroWalk.Web.Features.Exports;

/// <summary>
/// Reads the clinic's (or a cohort's) sessions and outcome results for an export. The clinic query filter of the
/// signed-in user applies; archived patients, assessments and results are left out.
/// </summary>
public sealed class ExportRecordReader(IDbContextFactory<RetroWalkDbContext> dbFactory)
{
    public async Task<ExportRecords> ReadAsync(ExportRequest request, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programmes = db.Set<Programme>().AsNoTracking();
        if (request.ProtocolId is { } protocolId)
        {
            programmes = programmes.Where(p => p.ProtocolId == protocolId);
        }
        var patients = db.Set<Patient>().AsNoTracking();
        if (request.Condition is { } condition)
        {
            patients = patients.Where(p => p.PrimaryCondition == condition);
        }
        if (request.ProtocolId is not null)
        {
            patients = patients.Where(p => programmes.Any(g => g.PatientId == p.Id));
        }
        var patientList = await patients.OrderBy(p => p.RecordNumberKey).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        var patientIds = patientList.Select(p => p.Id).ToList();

        var programmeList = await programmes.Where(p => patientIds.Contains(p.PatientId))
            .OrderBy(p => p.StartDate).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        var protocolIds = programmeList.Select(p => p.ProtocolId).Distinct().ToList();
        var templates = await db.Set<Protocol>().AsNoTracking().IgnoreQueryFilters([RetroWalkDbContext.QueryFilters.Archived])
            .Where(p => protocolIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.SourceTemplateKey, cancellationToken);
        var programmeIds = programmeList.Select(p => p.Id).ToList();

        var sessions = db.Set<SessionRecord>().AsNoTracking().Where(s => programmeIds.Contains(s.ProgrammeId));
        var assessments = db.Set<Assessment>().AsNoTracking().Include(a => a.Results).Where(a => patientIds.Contains(a.PatientId));
        if (request.From is { } from)
        {
            sessions = sessions.Where(s => s.Date >= from);
            assessments = assessments.Where(a => a.Date >= from);
        }
        if (request.To is { } to)
        {
            sessions = sessions.Where(s => s.Date <= to);
            assessments = assessments.Where(a => a.Date <= to);
        }
        return new ExportRecords(
            patientList,
            [.. programmeList.Select(p => new ExportProgramme(p, templates.GetValueOrDefault(p.ProtocolId)))],
            await sessions.OrderBy(s => s.Date).ThenBy(s => s.Sequence).ThenBy(s => s.Id).ToListAsync(cancellationToken),
            await assessments.OrderBy(a => a.Date).ThenBy(a => a.Id).ToListAsync(cancellationToken));
    }
}
