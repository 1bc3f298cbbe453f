using RetroWalk.Web.Data.Auditing;
using RetroWalk.Web.Features.Assessments;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Features.Programs;
using RetroWalk.Web.Features.Protocols;
using RetroWalk.Web.Features.Sessions;

namespace RetroWalk.Web.Features.Fhir;

/// <summary>A protocol version as a programme was assigned it.</summary>
public sealed record ProtocolVersionRecord(Protocol Protocol, ProtocolVersion Version);

/// <summary>Everything RetroWalk holds about one patient that the FHIR export maps, read in one go.</summary>
public sealed record PatientRecord(
    Patient Patient,
    IReadOnlyList<Programme> Programmes,
    IReadOnlyList<ProtocolVersionRecord> Protocols,
    IReadOnlyList<SessionRecord> Sessions,
    IReadOnlyList<Assessment> Assessments,
    IReadOnlyList<AuditEntry> AuditTrail);
