using Hl7.Fhir.Model;

namespace RetroWalk.Web.Features.Fhir;

/// <summary>
/// Every FHIR resource of one patient's record, in dependency order: Patient, protocols (PlanDefinition and
/// ActivityDefinition), programmes (CarePlan), sessions (Procedure and their Observations), outcome results
/// (Observation and QuestionnaireResponse), then a Provenance per audit-trail entry of an exported record.
/// References are relative ("Patient/…") and point only at resources in the same list.
/// </summary>
public static class PatientResources
{
    public static IReadOnlyList<Resource> Map(PatientRecord record)
    {
        var resources = new List<Resource>();
        var targets = new Dictionary<Guid, ResourceReference>();

        var patient = PatientMapper.Map(record.Patient);
        var patientRef = FhirCodes.ReferenceTo(patient);
        resources.Add(patient);
        targets[record.Patient.Id] = patientRef;

        foreach (var protocol in record.Protocols)
        {
            var (plan, activity) = ProtocolMapper.Map(protocol);
            resources.Add(plan);
            resources.Add(activity);
        }

        foreach (var programme in record.Programmes)
        {
            var sessions = record.Sessions.Where(s => s.ProgrammeId == programme.Id).ToList();
            var carePlan = ProgrammeMapper.Map(programme, patientRef, sessions.Select(s => new ResourceReference($"Procedure/{s.Id}")));
            var carePlanRef = FhirCodes.ReferenceTo(carePlan);
            resources.Add(carePlan);
            targets[programme.Id] = carePlanRef;
            foreach (var session in sessions)
            {
                var procedure = SessionMapper.MapProcedure(session, patientRef, carePlanRef);
                var procedureRef = FhirCodes.ReferenceTo(procedure);
                resources.Add(procedure);
                targets[session.Id] = procedureRef;
                resources.AddRange(SessionMapper.MapReadings(session, patientRef, procedureRef));
            }
        }

        foreach (var assessment in record.Assessments)
        {
            foreach (var result in assessment.Results.OrderBy(r => r.MeasureCode, StringComparer.Ordinal).ThenBy(r => r.Id))
            {
                var mapped = OutcomeMapper.Map(assessment, result, patientRef).ToList();
                resources.AddRange(mapped);
                if (mapped.OfType<Observation>().FirstOrDefault() is { } observation)
                {
                    targets[result.Id] = FhirCodes.ReferenceTo(observation);
                }
            }
        }

        resources.AddRange(record.AuditTrail.Where(e => targets.ContainsKey(e.EntityId))
            .Select(e => ProvenanceMapper.Map(e, new ResourceReference(targets[e.EntityId].Reference))));
        return resources;
    }
}
