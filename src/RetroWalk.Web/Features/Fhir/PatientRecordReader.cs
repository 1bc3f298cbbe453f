using Microsoft.EntityFrameworkCore;
using RetroWalk.Web.Data;
using RetroWalk.Web.Data.Auditing;
using RetroWalk.Web.Features.Assessments;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Features.Programs;
using RetroWalk.Web.Features.Protocols;
using RetroWalk.Web.Features.Sessions;

namespace RetroWalk.Web.Features.Fhir;

/// <summary>
/// Reads a patient's record for the FHIR export. The clinic query filter of the acting user applies, so another
/// clinic's patient (and an archived one) is not found; archived assessments and results are left out.
/// </summary>
public sealed class PatientRecordReader(IDbContextFactory<RetroWalkDbContext> dbFactory)
{
    public async Task<PatientRecord?> ReadAsync(Guid patientId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var patient = await db.Set<Patient>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == patientId, cancellationToken);
        return patient is null ? null : await ReadAsync(db, patient, cancellationToken);
    }

    /// <summary>The clinic's current patients in a stable order, for the bulk export.</summary>
    public async Task<IReadOnlyList<Guid>> PatientIdsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<Patient>().OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(cancellationToken);
    }

    private static async Task<PatientRecord> ReadAsync(RetroWalkDbContext db, Patient patient, CancellationToken cancellationToken)
    {
        var programmes = await db.Set<Programme>().AsNoTracking().Where(p => p.PatientId == patient.Id)
            .OrderBy(p => p.StartDate).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        var programmeIds = programmes.Select(p => p.Id).ToList();
        var versionIds = programmes.Select(p => p.ProtocolVersionId).Distinct().ToList();
        var versions = await db.Set<ProtocolVersion>().AsNoTracking().Where(v => versionIds.Contains(v.Id)).ToListAsync(cancellationToken);
        var protocolIds = versions.Select(v => v.ProtocolId).Distinct().ToList();
        // A protocol archived since keeps describing the programmes that followed it.
        var protocols = await db.Set<Protocol>().AsNoTracking().IgnoreQueryFilters([RetroWalkDbContext.QueryFilters.Archived])
            .Where(p => protocolIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var sessions = await db.Set<SessionRecord>().AsNoTracking().Where(s => programmeIds.Contains(s.ProgrammeId))
            .OrderBy(s => s.Date).ThenBy(s => s.Sequence).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        var assessments = await db.Set<Assessment>().AsNoTracking().Include(a => a.Results)
            .Where(a => a.PatientId == patient.Id).OrderBy(a => a.Date).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        var recordIds = new List<Guid> { patient.Id };
        recordIds.AddRange(programmeIds);
        recordIds.AddRange(sessions.Select(s => s.Id));
        recordIds.AddRange(assessments.SelectMany(a => a.Results).Select(r => r.Id));
        var trail = await db.Set<AuditEntry>().AsNoTracking().Where(e => recordIds.Contains(e.EntityId))
            .OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        return new PatientRecord(patient, programmes,
            [.. versions.Where(v => protocols.ContainsKey(v.ProtocolId)).OrderBy(v => v.Id).Select(v => new ProtocolVersionRecord(protocols[v.ProtocolId], v))],
            sessions, assessments, trail);
    }
}
