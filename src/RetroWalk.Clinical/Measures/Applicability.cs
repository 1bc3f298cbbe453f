using System.Globalization;

namespace RetroWalk.Clinical.Measures;

/// <summary>
/// What the catalogue needs to know about a patient to pick the published values that apply:
/// the primary condition, the age in whole years (null when unknown) and the comfortable gait speed at
/// baseline (m/s; null when not measured), on which one 6MWT value depends.
/// </summary>
public sealed record PatientProfile(Condition Condition, int? Age = null, decimal? BaselineComfortableGaitSpeed = null)
{
    /// <summary>Lower-case wording, e.g. "chronic stroke", "older adults aged 72".</summary>
    public string PopulationText => Condition == Condition.OlderAdultFallRisk && Age is { } age
        ? $"{ChangeInterpretation.PopulationText(Condition)} aged {age.ToString(CultureInfo.InvariantCulture)}"
        : ChangeInterpretation.PopulationText(Condition);
}

/// <summary>An age range in whole years, inclusive; <see cref="To"/> null means no upper limit.</summary>
public sealed record AgeRange(int From, int? To = null)
{
    public bool Contains(int age) => age >= From && (To is not { } to || age <= to);

    /// <summary>"65 and over", "60–90".</summary>
    public string Display => To is { } to
        ? $"{From.ToString(CultureInfo.InvariantCulture)}–{to.ToString(CultureInfo.InvariantCulture)}"
        : $"{From.ToString(CultureInfo.InvariantCulture)} and over";
}

/// <summary>
/// Who a published value may be applied to: patients whose condition is listed and, for values derived in
/// older adults, whose age lies in the studied range. Nothing is applied to a condition that is not listed;
/// an empty list means the value is shown but never applied.
/// </summary>
public sealed record Applicability
{
    public required IReadOnlyList<Condition> Conditions { get; init; }

    /// <summary>Age range of the study sample; when set, the patient's age must be known and inside it.</summary>
    public AgeRange? Ages { get; init; }

    /// <summary>Shown in the catalogue and on the Sources page, never applied to a patient.</summary>
    public static Applicability Never { get; } = new() { Conditions = [] };

    public static Applicability To(params Condition[] conditions) => new() { Conditions = [.. conditions] };

    /// <summary>Older adults at fall risk aged <paramref name="from"/> (to <paramref name="to"/>), as the study sample was.</summary>
    public static Applicability OlderAdults(int from, int? to = null) =>
        new() { Conditions = [Condition.OlderAdultFallRisk], Ages = new AgeRange(from, to) };

    public bool AppliesTo(PatientProfile patient) => WhyNot(patient) is null;

    /// <summary>Null when the value applies to the patient, else the reason it does not, e.g. "derived in stroke, not in knee osteoarthritis".</summary>
    public string? WhyNot(PatientProfile patient)
    {
        if (Conditions.Count == 0)
        {
            return "not applied automatically";
        }

        if (!Conditions.Contains(patient.Condition))
        {
            return $"derived in {Describe(Conditions)}, not in {ChangeInterpretation.PopulationText(patient.Condition)}";
        }

        if (Ages is { } ages)
        {
            if (patient.Age is not { } age)
            {
                return $"derived in people aged {ages.Display}, and the patient's age is not known";
            }

            if (!ages.Contains(age))
            {
                return $"derived in people aged {ages.Display}; the patient is {age.ToString(CultureInfo.InvariantCulture)}";
            }
        }

        return null;
    }

    /// <summary>"chronic stroke and subacute stroke", "older adults aged 65 and over".</summary>
    public string Display => Conditions.Count == 0
        ? "not applied automatically"
        : Describe(Conditions) + (Ages is { } a ? $" aged {a.Display}" : "");

    private static string Describe(IReadOnlyList<Condition> conditions) =>
        string.Join(" and ", conditions.Select(ChangeInterpretation.PopulationText));
}
