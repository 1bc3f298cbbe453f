using System.Globalization;
using Hl7.Fhir.Model;
using RetroWalk.Clinical;
using RetroWalk.Clinical.Protocols;

namespace RetroWalk.Web.Features.Fhir;

/// <summary>
/// A clinic protocol version as a PlanDefinition (the programme as a whole: its population, source and summary)
/// whose one action is an ActivityDefinition (the backward treadmill walking session and how often it recurs).
/// </summary>
public static class ProtocolMapper
{
    public static (PlanDefinition Plan, ActivityDefinition Activity) Map(ProtocolVersionRecord record)
    {
        var definition = record.Version.Definition;
        var version = record.Version.VersionNumber.ToString(CultureInfo.InvariantCulture);
        var summary = ProtocolSummary.Line(definition);
        var activity = new ActivityDefinition
        {
            Id = FhirCodes.DerivedId(record.Version.Id, "activity"),
            Url = FhirCodes.ActivityDefinitionUrl(record.Protocol.Id),
            Version = version,
            Title = $"{record.Protocol.Name}: session",
            Status = PublicationStatus.Active,
            Kind = ActivityDefinition.RequestResourceType.ServiceRequest,
            Code = new CodeableConcept(FhirCodes.Treatment, FhirCodes.BackwardTreadmillWalking, "Backward treadmill walking"),
            Description = summary,
            Timing = new Timing
            {
                Repeat = new Timing.RepeatComponent
                {
                    Frequency = definition.Course.SessionsPerWeek,
                    Period = 1,
                    PeriodUnit = Timing.UnitsOfTime.Wk,
                    Count = definition.TotalSessions > 0 ? definition.TotalSessions : null,
                    Duration = definition.Session.WarmUpMinutes + definition.Session.MainMinutes + definition.Session.CoolDownMinutes,
                    DurationUnit = Timing.UnitsOfTime.Min,
                },
            },
        };
        var plan = new PlanDefinition
        {
            Id = FhirCodes.DerivedId(record.Version.Id, "plan"),
            Url = FhirCodes.PlanDefinitionUrl(record.Protocol.Id),
            Version = version,
            Title = record.Protocol.Name,
            Status = PublicationStatus.Active,
            Description = Describe(definition),
            Purpose = definition.Population is { Length: > 0 } population ? population : null,
            Action =
            [
                new PlanDefinition.ActionComponent
                {
                    Title = "Backward treadmill walking session",
                    Description = summary,
                    Definition = new Canonical($"{activity.Url}|{version}"),
                },
            ],
        };
        if (record.Protocol.Indication is { } indication)
        {
            plan.UseContext = [new UsageContext
            {
                Code = new Coding("http://terminology.hl7.org/CodeSystem/usage-context-type", "focus"),
                Value = new CodeableConcept(FhirCodes.Base + "/CodeSystem/condition", indication.ToString(), indication.Display()),
            }];
        }
        return (plan, activity);
    }

    private static string Describe(ProtocolDefinition definition) =>
        string.Join("\n\n", new[] { definition.Description, ProtocolSummary.Line(definition), definition.Source is { Length: > 0 } source ? "Source: " + source : "" }
            .Where(part => part.Length > 0));
}
