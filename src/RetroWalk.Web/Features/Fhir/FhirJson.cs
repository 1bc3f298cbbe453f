using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace RetroWalk.Web.Features.Fhir;

/// <summary>FHIR JSON as the Firely SDK writes and reads it (R4).</summary>
public static class FhirJson
{
    public const string MediaType = "application/fhir+json";
    public const string NdjsonMediaType = "application/fhir+ndjson";

    /// <summary>One line per resource, for NDJSON.</summary>
    public static readonly JsonSerializerOptions Compact = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    public static readonly JsonSerializerOptions Indented = new JsonSerializerOptions { WriteIndented = true }.ForFhir(ModelInfo.ModelInspector);

    public static string Serialize(Resource resource, bool indented = false) =>
        JsonSerializer.Serialize(resource, indented ? Indented : Compact);

    public static T Parse<T>(string json) where T : Resource =>
        JsonSerializer.Deserialize<T>(json, Compact) ?? throw new JsonException("Not a FHIR resource.");
}
