using System.Globalization;
using Hl7.Fhir.Model;
using RetroWalk.Clinical.Measures;
using RetroWalk.Web.Features.Assessments;

namespace RetroWalk.Web.Features.Fhir;

/// <summary>
/// An outcome measure result as one Observation (category exam, or survey for questionnaires; LOINC where a code is
/// verified, RetroWalk's measure code system always; UCUM units; the walking method for comfortable, fast and
/// backward tests). Item scores go in a QuestionnaireResponse that the Observation is derived from.
/// </summary>
public static class OutcomeMapper
{
    /// <summary>LOINC codes verified for RetroWalk's measures; the rest have none.</summary>
    private static readonly Dictionary<string, Coding> VerifiedLoinc = new(StringComparer.Ordinal)
    {
        [MeasureCodes.SixMinuteWalk] = FhirCodes.LoincCoding("64098-7", "Six minute walk test distance"),
    };

    public static IEnumerable<Resource> Map(Assessment assessment, MeasureResult result, ResourceReference patient)
    {
        if (!MeasureCatalogue.TryGet(result.MeasureCode, out var measure))
        {
            yield break;
        }
        var code = new CodeableConcept { Text = measure.Name };
        if (VerifiedLoinc.TryGetValue(measure.Code, out var loinc))
        {
            code.Coding.Add(loinc);
        }
        code.Coding.Add(new Coding(FhirCodes.Measure, measure.Code, measure.Name));
        var observation = new Observation
        {
            Id = result.Id.ToString(),
            Status = result.IsComplete && result.Value is not null ? ObservationStatus.Final : ObservationStatus.Preliminary,
            Category = [FhirCodes.Category(measure.FhirCategory, measure.FhirCategory == "survey" ? "Survey" : "Exam")],
            Code = code,
            Subject = patient,
            Effective = new FhirDateTime(FhirCodes.Date(assessment.Date)),
            Method = Method(measure.Code),
            Performer = [new ResourceReference { Display = assessment.AssessorName }],
        };
        if (result.Value is { } value && result.IsComplete)
        {
            observation.Value = FhirCodes.Quantity(value, measure.Unit.Display, measure.Unit.Ucum);
        }
        else
        {
            observation.DataAbsentReason = new CodeableConcept(FhirCodes.DataAbsentReason, "temp-unknown", "Temporarily Unknown") { Text = "Form not complete" };
        }
        if (result.AssistiveDevice is { Length: > 0 } aid)
        {
            observation.Note = [new Annotation { Text = new Markdown("Assistive device: " + aid) }];
        }
        if (result.ItemScores is { Count: > 0 } scores)
        {
            var response = Items(measure, assessment, result, scores, patient);
            observation.DerivedFrom = [FhirCodes.ReferenceTo(response)];
            yield return response;
        }
        yield return observation;
    }

    private static CodeableConcept? Method(string measureCode) => measureCode switch
    {
        MeasureCodes.TenMetreWalkComfortable => new CodeableConcept(FhirCodes.WalkMethod, "comfortable", "Comfortable pace"),
        MeasureCodes.TenMetreWalkFast => new CodeableConcept(FhirCodes.WalkMethod, "fast", "Fast pace"),
        MeasureCodes.ThreeMetreBackwardWalk or MeasureCodes.BackwardWalkingSpeed => new CodeableConcept(FhirCodes.WalkMethod, "backward", "Walking backward"),
        _ => null,
    };

    private static QuestionnaireResponse Items(MeasureDefinition measure, Assessment assessment, MeasureResult result,
        SortedDictionary<int, int?> scores, ResourceReference patient) => new()
        {
            Id = FhirCodes.DerivedId(result.Id, "items"),
            Status = result.IsComplete ? QuestionnaireResponse.QuestionnaireResponseStatus.Completed : QuestionnaireResponse.QuestionnaireResponseStatus.InProgress,
            Subject = patient,
            Authored = FhirCodes.Date(assessment.Date),
            Identifier = new Identifier(FhirCodes.ItemScores, measure.Code + "/" + result.Id),
            Item =
            [
                .. scores.Select(score => new QuestionnaireResponse.ItemComponent
                {
                    LinkId = score.Key.ToString(CultureInfo.InvariantCulture),
                    Text = measure.Items.FirstOrDefault(i => i.Number == score.Key)?.Name,
                    Answer = score.Value is { } points ? [new QuestionnaireResponse.AnswerComponent { Value = new Integer(points) }] : [],
                }),
            ],
        };
}
