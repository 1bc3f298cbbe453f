using RetroWalk.Web.Features.Assessments;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Features.Programs;
using RetroWalk.Web.Features.Sessions;

namespace RetroWalk.Web.Features.Exports;

/// <summary>A programme with what the exports say of its protocol.</summary>
public sealed record ExportProgramme(Programme Programme, string? TemplateKey);

/// <summary>The records an export draws on, read once (clinic-scoped) and then shaped into rows.</summary>
public sealed record ExportRecords(
    IReadOnlyList<Patient> Patients,
    IReadOnlyList<ExportProgramme> Programmes,
    IReadOnlyList<SessionRecord> Sessions,
    IReadOnlyList<Assessment> Assessments)
{
    public int ResultCount => Assessments.Sum(a => a.Results.Count);
}
