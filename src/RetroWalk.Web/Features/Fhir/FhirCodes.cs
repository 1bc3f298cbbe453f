using System.Security.Cryptography;
using System.Text;
using Hl7.Fhir.Model;

namespace RetroWalk.Web.Features.Fhir;

/// <summary>
/// The code systems RetroWalk's FHIR resources use: LOINC only for the codes verified in the project's domain
/// notes, UCUM for every unit, and RetroWalk's own code systems for everything without a verified standard code.
/// </summary>
public static class FhirCodes
{
    public const string Loinc = "http://loinc.org";
    public const string Ucum = "http://unitsofmeasure.org";
    public const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";
    public const string DataOperation = "http://terminology.hl7.org/CodeSystem/v3-DataOperation";
    public const string ProvenanceParticipant = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";
    public const string DataAbsentReason = "http://terminology.hl7.org/CodeSystem/data-absent-reason";

    /// <summary>RetroWalk's own namespace for code systems, identifiers and canonical URLs.</summary>
    public const string Base = "https://retrowalk.example/fhir";

    /// <summary>Outcome measures by their stable RetroWalk code (BBS, TUG, 10MWT-C…).</summary>
    public const string Measure = Base + "/CodeSystem/outcome-measure";

    /// <summary>How a walking test was done: comfortable, fast, backward.</summary>
    public const string WalkMethod = Base + "/CodeSystem/walk-method";

    /// <summary>Session readings without a verified LOINC code (RPE, pain, speed, incline) and context codes for the verified ones.</summary>
    public const string SessionReading = Base + "/CodeSystem/session-reading";

    public const string AdverseEvent = Base + "/CodeSystem/adverse-event";
    public const string Treatment = Base + "/CodeSystem/treatment";
    public const string ItemScores = Base + "/CodeSystem/item-scores";

    /// <summary>The identifier system of a clinic's record numbers.</summary>
    public static string RecordNumberSystem(Guid clinicId) => $"{Base}/clinic/{clinicId}/record-number";

    public static string PlanDefinitionUrl(Guid protocolId) => $"{Base}/PlanDefinition/{protocolId}";

    public static string ActivityDefinitionUrl(Guid protocolId) => $"{Base}/ActivityDefinition/{protocolId}";

    public const string BackwardTreadmillWalking = "backward-treadmill-walking";

    public static Coding LoincCoding(string code, string display) => new(Loinc, code, display);

    public static CodeableConcept Category(string code, string display) => new(ObservationCategory, code, display);

    public static Quantity Quantity(decimal value, string unit, string ucum) =>
        new() { Value = value, Unit = unit, System = Ucum, Code = ucum };

    /// <summary>A stable id for a resource drawn from part of a record (e.g. a session's resting heart rate): the same each export.</summary>
    public static string DerivedId(Guid recordId, string part)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{recordId:N}/{part}"));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }

    public static ResourceReference ReferenceTo(Resource resource) => new($"{resource.TypeName}/{resource.Id}");

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
