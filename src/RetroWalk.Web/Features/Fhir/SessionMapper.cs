using Hl7.Fhir.Model;
using RetroWalk.Clinical.Sessions;
using RetroWalk.Web.Features.Sessions;

namespace RetroWalk.Web.Features.Fhir;

/// <summary>
/// A recorded session as a Procedure (done, stopped early or not done, with its adverse events as complications)
/// and one Observation per reading, part of that Procedure: heart rate and blood pressure as vital signs with
/// their verified LOINC codes, walking minutes as exercise duration (LOINC 55411-3), and RPE, pain, speed and
/// incline in RetroWalk's session-reading code system. Units are UCUM.
/// </summary>
public static class SessionMapper
{
    private static readonly CodeableConcept VitalSigns = FhirCodes.Category("vital-signs", "Vital Signs");
    private static readonly CodeableConcept Activity = FhirCodes.Category("activity", "Activity");
    private static readonly CodeableConcept Survey = FhirCodes.Category("survey", "Survey");

    public static Procedure MapProcedure(SessionRecord session, ResourceReference patient, ResourceReference carePlan)
    {
        var procedure = new Procedure
        {
            Id = session.Id.ToString(),
            Status = session.Status switch
            {
                SessionStatus.Completed => EventStatus.Completed,
                SessionStatus.Partial => EventStatus.Stopped,
                _ => EventStatus.NotDone,
            },
            Code = new CodeableConcept(FhirCodes.Treatment, FhirCodes.BackwardTreadmillWalking, "Backward treadmill walking"),
            Subject = patient,
            BasedOn = [carePlan],
            Performed = new FhirDateTime(FhirCodes.Date(session.Date)),
            Complication = [.. session.AdverseEvents.Select(e => new CodeableConcept(FhirCodes.AdverseEvent, e.Type.ToString(), e.Type.Display()))],
        };
        if (procedure.Status == EventStatus.NotDone || procedure.Status == EventStatus.Stopped)
        {
            procedure.StatusReason = new CodeableConcept(FhirCodes.SessionReading, session.Status.ToString(), session.Status.Display())
            {
                Text = session.ScreeningPassed ? session.Status.Display() : $"{session.Status.Display()}: screening failed",
            };
        }
        return procedure;
    }

    public static IEnumerable<Observation> MapReadings(SessionRecord session, ResourceReference patient, ResourceReference procedure)
    {
        var readings = new (int? Value, string Part, Coding Code, string? Context, CodeableConcept Category, string Unit, string Ucum)[]
        {
            (session.RestingHeartRate, "hr-rest", FhirCodes.LoincCoding("40443-4", "Heart rate --resting"), null, VitalSigns, "beats/minute", "/min"),
            (session.PeakHeartRate, "hr-peak", FhirCodes.LoincCoding("8867-4", "Heart rate"), "peak", VitalSigns, "beats/minute", "/min"),
            (session.HeartRateAfter, "hr-after", FhirCodes.LoincCoding("8867-4", "Heart rate"), "after", VitalSigns, "beats/minute", "/min"),
            (session.RestingSystolic, "sbp-rest", FhirCodes.LoincCoding("8480-6", "Systolic blood pressure"), "resting", VitalSigns, "mmHg", "mm[Hg]"),
            (session.RestingDiastolic, "dbp-rest", FhirCodes.LoincCoding("8462-4", "Diastolic blood pressure"), "resting", VitalSigns, "mmHg", "mm[Hg]"),
            (session.SystolicAfter, "sbp-after", FhirCodes.LoincCoding("8480-6", "Systolic blood pressure"), "after", VitalSigns, "mmHg", "mm[Hg]"),
            (session.DiastolicAfter, "dbp-after", FhirCodes.LoincCoding("8462-4", "Diastolic blood pressure"), "after", VitalSigns, "mmHg", "mm[Hg]"),
        };
        foreach (var reading in readings.Where(r => r.Value is not null))
        {
            var code = new CodeableConcept { Coding = [reading.Code] };
            if (reading.Context is { } context)
            {
                code.Coding.Add(new Coding(FhirCodes.SessionReading, $"{reading.Part}", $"{reading.Code.Display}, {context}"));
            }
            yield return Reading(session, reading.Part, code, reading.Category, FhirCodes.Quantity(reading.Value!.Value, reading.Unit, reading.Ucum), patient, procedure);
        }

        var local = new (decimal? Value, string Part, string Display, CodeableConcept Category, string Unit, string Ucum)[]
        {
            (session.Rpe, "rpe", "Rating of perceived exertion", Survey, "score", "{score}"),
            (session.PainBefore, "pain-before", "Pain 0–10 before the session", Survey, "score", "{score}"),
            (session.PainAfter, "pain-after", "Pain 0–10 after the session", Survey, "score", "{score}"),
            (session.EndSpeedKmh ?? session.StartSpeedKmh, "speed", "Backward treadmill speed", Activity, "km/h", "km/h"),
            (session.Incline, "incline", "Treadmill incline", Activity,
                session.InclineUnit == RetroWalk.Clinical.InclineUnit.Percent ? "%" : "degrees",
                session.InclineUnit == RetroWalk.Clinical.InclineUnit.Percent ? "%" : "deg"),
        };
        if (session.MainMinutes is { } minutes)
        {
            var duration = new CodeableConcept
            {
                Coding = [FhirCodes.LoincCoding("55411-3", "Exercise duration"), new Coding(FhirCodes.SessionReading, "backward-walking-minutes", "Minutes of backward walking")],
            };
            yield return Reading(session, "minutes", duration, Activity, FhirCodes.Quantity(minutes, "min", "min"), patient, procedure);
        }
        foreach (var reading in local.Where(r => r.Value is not null))
        {
            var code = new CodeableConcept(FhirCodes.SessionReading, reading.Part, reading.Display);
            yield return Reading(session, reading.Part, code, reading.Category, FhirCodes.Quantity(reading.Value!.Value, reading.Unit, reading.Ucum), patient, procedure);
        }
    }

    private static Observation Reading(SessionRecord session, string part, CodeableConcept code, CodeableConcept category, Quantity value,
        ResourceReference patient, ResourceReference procedure) => new()
        {
            Id = FhirCodes.DerivedId(session.Id, part),
            Status = ObservationStatus.Final,
            Category = [category],
            Code = code,
            Subject = patient,
            PartOf = [procedure],
            Effective = new FhirDateTime(FhirCodes.Date(session.Date)),
            Value = value,
        };
}
