using Hl7.Fhir.Model;
using RetroWalk.Web.Data.Auditing;

namespace RetroWalk.Web.Features.Fhir;

/// <summary>One audit-trail entry as a Provenance: which exported resource, when, who, and what was done.</summary>
public static class ProvenanceMapper
{
    public static Provenance Map(AuditEntry entry, ResourceReference target) => new()
    {
        Id = entry.Id.ToString(),
        Target = [target],
        Recorded = entry.At,
        Activity = new CodeableConcept(FhirCodes.DataOperation, entry.Action == AuditAction.Created ? "CREATE" : "UPDATE",
            entry.Action == AuditAction.Created ? "create" : "update") { Text = entry.Action.ToString() },
        Reason = entry.Changes.Count == 0 ? [] : [new CodeableConcept { Text = "Changed: " + string.Join(", ", entry.Changes.Select(c => c.Field).Distinct()) }],
        Agent =
        [
            new Provenance.AgentComponent
            {
                Type = new CodeableConcept(FhirCodes.ProvenanceParticipant, "author", "Author"),
                Who = new ResourceReference { Display = entry.UserName },
            },
        ],
    };
}
