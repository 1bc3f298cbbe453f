using System.Globalization;
using RetroWalk.Clinical.Measures;
using RetroWalk.Web.Features.Assessments;

namespace RetroWalk.Web.Features.Demo;

/// <summary>Demo assessments for two demo patients, so the progress review has content. Skipped for a patient who has any.</summary>
internal static class DemoAssessments
{
    public static async Task SeedAsync(AssessmentService assessments, IReadOnlyDictionary<string, Guid> patients, DateOnly today, CancellationToken cancellationToken)
    {
        if (patients.TryGetValue("RW-1001", out var lucja) && (await assessments.PageAsync(lucja, 0, 1, cancellationToken)).TotalCount == 0)
        {
            // Chronic stroke: a baseline three weeks ago and an interim assessment last week.
            await SaveAsync(assessments, lucja, today.AddDays(-21), AssessmentTimePoint.Baseline, "Baseline before retro-walking programme.",
                [Items(MeasureCatalogue.BergBalanceScale, 40), Walk(10, 20.5m, "quad cane"), Timed(MeasureCodes.TimedUpAndGo, 17.2m, "quad cane"),
                Timed(MeasureCodes.ThreeMetreBackwardWalk, 9.8m, null), SixMinute(210, "quad cane")], cancellationToken);
            await SaveAsync(assessments, lucja, today.AddDays(-7), AssessmentTimePoint.Interim, "FGA stopped after item 7 (fatigue).",
                [Items(MeasureCatalogue.BergBalanceScale, 43), Walk(10, 17.9m, "quad cane"), Timed(MeasureCodes.TimedUpAndGo, 15.1m, "quad cane"),
                Timed(MeasureCodes.ThreeMetreBackwardWalk, 8.1m, null), SixMinute(245, "quad cane"), PartialFga()], cancellationToken);
        }

        if (patients.TryGetValue("RW-1007", out var margaret) && (await assessments.PageAsync(margaret, 0, 1, cancellationToken)).TotalCount == 0)
        {
            // Older adult at fall risk: baseline four weeks ago, end of programme this week.
            await SaveAsync(assessments, margaret, today.AddDays(-28), AssessmentTimePoint.Baseline, null,
                [Items(MeasureCatalogue.BergBalanceScale, 41), Walk(10, 13.5m, null), Timed(MeasureCodes.TimedUpAndGo, 14.8m, null)], cancellationToken);
            await SaveAsync(assessments, margaret, today.AddDays(-2), AssessmentTimePoint.EndOfProgramme, null,
                [Items(MeasureCatalogue.BergBalanceScale, 46), Walk(10, 11.2m, null), Timed(MeasureCodes.TimedUpAndGo, 12.1m, null)], cancellationToken);
        }
    }

    internal static async Task SaveAsync(AssessmentService assessments, Guid patientId, DateOnly date, AssessmentTimePoint timePoint, string? notes,
        List<MeasureResultInput> results, CancellationToken cancellationToken)
    {
        var saved = await assessments.CreateAsync(patientId,
            new AssessmentInput { Date = date, TimePoint = timePoint, AssessorName = "Maria Santos", Notes = notes, Results = results }, cancellationToken);
        if (!saved.Succeeded)
        {
            throw new InvalidOperationException($"Demo assessment not saved: {string.Join(" ", saved.Errors?.SelectMany(e => e.Value) ?? [saved.Message ?? ""])}");
        }
    }

    /// <summary>Item scores spread evenly to reach <paramref name="total"/>.</summary>
    internal static MeasureResultInput Items(MeasureDefinition measure, int total)
    {
        var n = measure.Items.Count;
        return new MeasureResultInput
        {
            MeasureCode = measure.Code,
            Items = measure.Items.ToDictionary(i => i.Number,
                i => (string?)((total / n) + (i.Number <= total % n ? 1 : 0)).ToString(CultureInfo.InvariantCulture)),
        };
    }

    private static MeasureResultInput PartialFga()
    {
        var form = MeasureResultInput.For(MeasureCatalogue.FunctionalGaitAssessment);
        foreach (var number in Enumerable.Range(1, 7))
        {
            form.Items[number] = "2";
        }
        return form;
    }

    internal static MeasureResultInput Walk(decimal metres, decimal seconds, string? aid) => new()
    {
        MeasureCode = MeasureCodes.TenMetreWalkComfortable, DistanceMetres = metres, TimeSeconds = seconds, AssistiveDevice = aid,
    };

    internal static MeasureResultInput Timed(string code, decimal seconds, string? aid) => new() { MeasureCode = code, TimeSeconds = seconds, AssistiveDevice = aid };

    internal static MeasureResultInput SixMinute(decimal metres, string? aid) => new()
    {
        MeasureCode = MeasureCodes.SixMinuteWalk, DistanceMetres = metres, AssistiveDevice = aid,
    };
}
