using Hl7.Fhir.Model;
using RetroWalk.Web.Features.Programs;

namespace RetroWalk.Web.Features.Fhir;

/// <summary>A patient's programme as a CarePlan that instantiates its protocol version, with its sessions as outcomes.</summary>
public static class ProgrammeMapper
{
    public static CarePlan Map(Programme programme, ResourceReference patient, IEnumerable<ResourceReference> sessions)
    {
        var canonical = $"{FhirCodes.PlanDefinitionUrl(programme.ProtocolId)}|{programme.ProtocolVersionNumber}";
        return new CarePlan
        {
            Id = programme.Id.ToString(),
            Status = programme.Status switch
            {
                ProgrammeStatus.Planned => RequestStatus.Draft,
                ProgrammeStatus.Active => RequestStatus.Active,
                ProgrammeStatus.Paused => RequestStatus.OnHold,
                ProgrammeStatus.Completed => RequestStatus.Completed,
                _ => RequestStatus.Revoked,
            },
            Intent = CarePlan.CarePlanIntent.Plan,
            Title = $"{programme.ProtocolName} (version {programme.ProtocolVersionNumber})",
            Subject = patient,
            InstantiatesCanonical = [canonical],
            Period = new Period
            {
                Start = FhirCodes.Date(programme.StartDate),
                End = programme.EndedOn is { } ended ? FhirCodes.Date(ended) : null,
            },
            Author = new ResourceReference { Display = programme.TherapistName },
            Activity =
            [
                new CarePlan.ActivityComponent
                {
                    OutcomeReference = [.. sessions],
                    Detail = new CarePlan.DetailComponent
                    {
                        InstantiatesCanonical = [$"{FhirCodes.ActivityDefinitionUrl(programme.ProtocolId)}|{programme.ProtocolVersionNumber}"],
                        Code = new CodeableConcept(FhirCodes.Treatment, FhirCodes.BackwardTreadmillWalking, "Backward treadmill walking"),
                        Status = programme.Status switch
                        {
                            ProgrammeStatus.Planned => CarePlan.CarePlanActivityStatus.Scheduled,
                            ProgrammeStatus.Active => CarePlan.CarePlanActivityStatus.InProgress,
                            ProgrammeStatus.Paused => CarePlan.CarePlanActivityStatus.OnHold,
                            ProgrammeStatus.Completed => CarePlan.CarePlanActivityStatus.Completed,
                            _ => CarePlan.CarePlanActivityStatus.Stopped,
                        },
                        StatusReason = programme.DiscontinuedReason is { Length: > 0 } reason ? new CodeableConcept { Text = reason } : null,
                    },
                },
            ],
        };
    }
}
