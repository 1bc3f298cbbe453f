using Hl7.Fhir.Model;
using RetroWalk.Web.Features.Audit;

namespace RetroWalk.Web.Features.Fhir;

/// <summary>
/// The FHIR Patient $everything operation: the patient's whole record as a searchset Bundle, each entry with a full
/// URL under the server's FHIR base. Reading it is recorded in the access log.
/// </summary>
public sealed class PatientEverything(PatientRecordReader reader, AccessLog log, TimeProvider time)
{
    public async Task<Bundle?> ReadAsync(Guid patientId, string fhirBase, CancellationToken cancellationToken = default)
    {
        if (await reader.ReadAsync(patientId, cancellationToken) is not { } record)
        {
            return null;
        }
        var resources = PatientResources.Map(record);
        var bundle = new Bundle
        {
            Id = Guid.NewGuid().ToString(),
            Type = Bundle.BundleType.Searchset,
            Timestamp = time.GetUtcNow(),
            Total = resources.Count,
            Entry =
            [
                .. resources.Select(resource => new Bundle.EntryComponent
                {
                    FullUrl = $"{fhirBase.TrimEnd('/')}/{resource.TypeName}/{resource.Id}",
                    Resource = resource,
                    Search = new Bundle.SearchComponent { Mode = resource is Hl7.Fhir.Model.Patient ? Bundle.SearchEntryMode.Match : Bundle.SearchEntryMode.Include },
                }),
            ],
        };
        await log.RecordAsync(AccessKind.FhirRecordRead, $"{record.Patient.FullName} ({record.Patient.RecordNumber})", patientId.ToString(), CancellationToken.None);
        return bundle;
    }
}
