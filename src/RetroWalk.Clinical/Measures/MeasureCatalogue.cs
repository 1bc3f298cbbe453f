using System.Diagnostics.CodeAnalysis;
using RetroWalk.Clinical.Evidence;

namespace RetroWalk.Clinical.Measures;

/// <summary>
/// The outcome measures RetroWalk knows, with their published MDC/MCID values, cut-offs and norms.
/// Every value points to a <see cref="Reference"/> in the <see cref="Bibliography"/> and says whom it applies
/// to (<see cref="Applicability"/>): a value is applied only to the conditions, and for older-adult values the
/// ages, its study covered; there is no fallback to another population. Values that are not confirmed, or
/// whose source has no DOI or PMID, are <see cref="EvidenceStatus.Unverified"/>: shown, never used for a
/// conclusion.
/// </summary>
public static class MeasureCatalogue
{
    private static readonly Applicability Stroke = Applicability.To(Condition.ChronicStroke, Condition.SubacuteStroke);
    private static readonly Applicability Chronic = Applicability.To(Condition.ChronicStroke);
    private static readonly Applicability Subacute = Applicability.To(Condition.SubacuteStroke);

    /// <summary>Older adults from 65, the lower age of the older-adult samples unless a study states otherwise.</summary>
    private static readonly Applicability OlderAdults = Applicability.OlderAdults(65);

    public static readonly MeasureDefinition BergBalanceScale = new()
    {
        Code = MeasureCodes.BergBalanceScale,
        Name = "Berg Balance Scale",
        ShortName = "BBS",
        SummaryLabel = "Berg Balance Scale score",
        Unit = MeasureUnit.Points,
        Range = new ValidRange(0, 56, WholeNumbers: true),
        Decimals = 0,
        Direction = MeasureDirection.HigherIsBetter,
        Administration = "The therapist scores 14 balance tasks from 0 (unable) to 4 (independent); the total is the sum, 0–56.",
        ItemScoring = ItemScoring.Sum,
        Items = Items(0, 4,
            "Sitting to standing",
            "Standing unsupported",
            "Sitting unsupported",
            "Standing to sitting",
            "Transfers",
            "Standing with eyes closed",
            "Standing with feet together",
            "Reaching forward with outstretched arm",
            "Picking up object from the floor",
            "Turning to look behind",
            "Turning 360 degrees",
            "Placing alternate foot on stool",
            "Standing with one foot in front (tandem stance)",
            "Standing on one leg"),
        ChangeThresholds =
        [
            new() { Kind = ChangeThresholdKind.Mdc, Value = 2.7m, Population = "chronic stroke", AppliesTo = Chronic, Source = Bibliography.Alghadir2018 },
            new() { Kind = ChangeThresholdKind.Mdc, Value = 4m, Population = "older adults over 65", AppliesTo = OlderAdults, Baseline = ValueRange.Between(45, 56), Source = Bibliography.DonoghueStokes2009 },
            new() { Kind = ChangeThresholdKind.Mdc, Value = 5m, Population = "older adults over 65", AppliesTo = OlderAdults, Baseline = ValueRange.Between(35, 44), Source = Bibliography.DonoghueStokes2009 },
            new() { Kind = ChangeThresholdKind.Mdc, Value = 7m, Population = "older adults over 65", AppliesTo = OlderAdults, Baseline = ValueRange.Between(25, 34), Source = Bibliography.DonoghueStokes2009 },
            new() { Kind = ChangeThresholdKind.Mdc, Value = 5m, Population = "older adults over 65", AppliesTo = OlderAdults, Baseline = ValueRange.Between(0, 24), Source = Bibliography.DonoghueStokes2009 },
        ],
        CutOffs =
        [
            new()
            {
                Title = "Fall risk, older adults (Berg < 45)",
                Bands =
                [
                    new("Fall risk, older adults (Berg < 45)", "in the older-adult fall-risk range (Berg < 45)", ValueRange.Below(45), IsConcern: true),
                    new("Not in older-adult fall-risk range (Berg ≥ 45)", "outside the older-adult fall-risk range (Berg ≥ 45)", ValueRange.AtOrAbove(45), IsConcern: false),
                ],
                Population = "older adults living in residential care",
                AppliesTo = OlderAdults,
                Source = Bibliography.Berg1992,
                Status = EvidenceStatus.VerifiedThroughSecondary,
                ConfirmedThrough = Bibliography.ThorbahnNewton1996,
                Caveat = new(
                    "Derived in 113 elderly residents of a residential setting. In community-dwelling older adults Muir 2008 applied it as ≤ 45 "
                    + "(so a score of exactly 45 counted as at risk): sensitivity 25 % for any fall and 45 % for multiple falls. "
                    + "Muir 2008 advises against relying on a single cut-off: fall risk rises continuously as the score falls.",
                    Bibliography.Muir2008),
            },
            new()
            {
                Title = "Multiple or injurious falls after stroke (Berg ≤ 42)",
                Bands =
                [
                    new("Risk of multiple or injurious falls after stroke (Berg ≤ 42)", "in the range for multiple or injurious falls after stroke (Berg ≤ 42)", ValueRange.AtOrBelow(42), IsConcern: true),
                    new("Above the stroke multiple-fall cut-off (Berg > 42)", "above the stroke multiple-fall cut-off (Berg > 42)", ValueRange.Above(42), IsConcern: false),
                ],
                Population = "stroke, about 2 months after onset",
                AppliesTo = Stroke,
                Source = Bibliography.Tilson2012,
                Caveat = new(
                    "Derived in 408 community-dwelling people who could walk, assessed about 2 months after stroke; "
                    + "for chronic stroke it is applied beyond the time after stroke it was measured at."),
            },
        ],
        Notes =
        [
            new("An MCID of 6.5–12.5 points is reported for acute stroke (Hayashi 2022); it is not applied because RetroWalk has no acute-stroke condition.", Bibliography.Hayashi2022),
            new("In stroke, fall-risk cut-offs of 46.5–50.5 points are reported across studies (Matsumoto 2024); shown for information, not used to categorise.", Bibliography.Matsumoto2024),
            new("Norms: none confirmed, none shown."),
        ],
    };

    public static readonly MeasureDefinition TimedUpAndGo = new()
    {
        Code = MeasureCodes.TimedUpAndGo,
        Name = "Timed Up and Go",
        ShortName = "TUG",
        SummaryLabel = "TUG time",
        Unit = MeasureUnit.Seconds,
        Range = new ValidRange(0, 300, MinExclusive: true),
        Decimals = 1,
        Direction = MeasureDirection.LowerIsBetter,
        Administration = "The patient rises from an armchair, walks 3 m, turns, walks back and sits down; record the time in seconds and any walking aid.",
        ChangeThresholds =
        [
            new() { Kind = ChangeThresholdKind.Mdc, Value = 3.2m, Population = "chronic stroke", AppliesTo = Chronic, Source = Bibliography.Alghadir2018 },
        ],
        CutOffs =
        [
            new()
            {
                Title = "Older-adult fall risk (TUG ≥ 13.5 s)",
                Bands =
                [
                    new("Below older-adult fall-risk cut-off (TUG < 13.5 s)", "below the older-adult fall-risk cut-off (TUG < 13.5 s)", ValueRange.Below(13.5m), IsConcern: false),
                    new("Fall risk, older adults (TUG ≥ 13.5 s)", "at or above the older-adult fall-risk cut-off (TUG ≥ 13.5 s)", ValueRange.AtOrAbove(13.5m), IsConcern: true),
                ],
                Population = "community-dwelling older adults",
                AppliesTo = OlderAdults,
                Source = Bibliography.ShumwayCook2000,
                Status = EvidenceStatus.VerifiedThroughSecondary,
                ConfirmedThrough = Bibliography.Barry2014,
                Caveat = new(
                    "Weak screening test: in a meta-analysis of 10 studies (Barry 2014) pooled sensitivity was 0.31 and specificity 0.74, "
                    + "so a time under 13.5 s does not rule out fall risk.",
                    Bibliography.Barry2014),
            },
        ],
        Norms =
        [
            new() { Group = "Age 60–69", Mean = 8.1m, AgeFrom = 60, AgeTo = 69, Source = Bibliography.Bohannon2006 },
            new() { Group = "Age 70–79", Mean = 9.2m, AgeFrom = 70, AgeTo = 79, Source = Bibliography.Bohannon2006 },
            new() { Group = "Age 80–99", Mean = 11.3m, AgeFrom = 80, AgeTo = 99, Source = Bibliography.Bohannon2006 },
        ],
        Notes =
        [
            new("In stroke, fall-risk cut-offs of 15–19 s are reported across studies, with modest accuracy (AUC 0.66–0.70; Matsumoto 2024); shown for information, not used to categorise.", Bibliography.Matsumoto2024),
        ],
    };

    public static readonly MeasureDefinition TenMetreWalkComfortable = new()
    {
        Code = MeasureCodes.TenMetreWalkComfortable,
        Name = "10-Metre Walk Test, comfortable pace",
        ShortName = "10MWT comfortable",
        SummaryLabel = "Comfortable gait speed",
        Unit = MeasureUnit.MetresPerSecond,
        Range = new ValidRange(0, 3, MinExclusive: true),
        Decimals = 2,
        Direction = MeasureDirection.HigherIsBetter,
        Administration = "The patient walks 10 m at a comfortable pace; time the middle 6 m (or the full 10 m) and record the walking aid. Speed = distance / time.",
        ChangeThresholds =
        [
            new() { Kind = ChangeThresholdKind.Mdc, Value = 0.10m, Population = "chronic stroke", AppliesTo = Chronic, Baseline = ValueRange.Below(0.4m), Source = Bibliography.LewekSykes2019, Note = "MDC95" },
            new() { Kind = ChangeThresholdKind.Mdc, Value = 0.15m, Population = "chronic stroke", AppliesTo = Chronic, Baseline = ValueRange.Between(0.4m, 0.8m), Source = Bibliography.LewekSykes2019, Note = "MDC95" },
            new() { Kind = ChangeThresholdKind.Mdc, Value = 0.18m, Population = "chronic stroke", AppliesTo = Chronic, Baseline = ValueRange.Above(0.8m), Source = Bibliography.LewekSykes2019, Note = "MDC95; only 15 people had a baseline above 0.8 m/s." },
            new()
            {
                Kind = ChangeThresholdKind.Mcid, Value = 0.16m, Population = "subacute stroke", AppliesTo = Subacute, Source = Bibliography.Tilson2010,
                Note = "Derived 20–60 days after stroke in patients with severe gait speed impairment (sensitivity 73.9 %, specificity 57.0 %).",
            },
            new()
            {
                Kind = ChangeThresholdKind.Mcid, Value = 0.13m, Population = "stroke, inpatient rehabilitation", AppliesTo = Applicability.Never, Source = Bibliography.Bohannon2013,
                Note = "Not applied automatically: RetroWalk does not record the inpatient setting.",
            },
            new() { Kind = ChangeThresholdKind.Mcid, Value = 0.05m, Population = "older adults", AppliesTo = OlderAdults, Source = Bibliography.Perera2006, Qualifier = "small" },
            new() { Kind = ChangeThresholdKind.Mcid, Value = 0.10m, Population = "older adults", AppliesTo = OlderAdults, Source = Bibliography.Perera2006, Qualifier = "substantial" },
        ],
        CutOffs =
        [
            new()
            {
                Title = "Ambulation category after stroke",
                Bands =
                [
                    new("Household ambulator (< 0.4 m/s)", "a household ambulator", ValueRange.Below(0.4m), IsConcern: true),
                    new("Limited community ambulator (0.4–0.8 m/s)", "a limited community ambulator", ValueRange.Between(0.4m, 0.8m), IsConcern: true),
                    new("Community ambulator (> 0.8 m/s)", "a community ambulator", ValueRange.Above(0.8m), IsConcern: false),
                ],
                Population = "stroke",
                AppliesTo = Stroke,
                Source = Bibliography.Perry1995,
                Status = EvidenceStatus.VerifiedThroughSecondary,
                ConfirmedThrough = Bibliography.Schmid2007,
                Caveat = new(
                    "Perry's six walking categories condensed to three speed bands; the bands rest on clinician opinion. "
                    + "Updated cut-offs of 0.49 and 0.93 m/s are cited by Lewek & Sykes 2019.",
                    Bibliography.Schmid2007, Bibliography.LewekSykes2019),
            },
            new()
            {
                Title = "Older-adult fall risk (comfortable < 0.76 m/s)",
                Bands =
                [
                    new("Fall risk, older adults (comfortable < 0.76 m/s)", "below the older-adult fall-risk cut-off (comfortable < 0.76 m/s)", ValueRange.Below(0.76m), IsConcern: true),
                    new("Not in older-adult fall-risk range (≥ 0.76 m/s)", "at or above the older-adult fall-risk cut-off (0.76 m/s)", ValueRange.AtOrAbove(0.76m), IsConcern: false),
                ],
                Population = "community-dwelling older adults aged 65–93",
                AppliesTo = Applicability.OlderAdults(65, 93),
                Source = Bibliography.Middleton2016,
                Caveat = new("Derived from falls in the previous year (retrospective), median age 82: sensitivity 65.4 %, specificity 70.9 %, AUC 0.69."),
            },
        ],
        Norms =
        [
            new() { Group = "Men 60–69", Mean = 1.34m, Sex = Sex.Male, AgeFrom = 60, AgeTo = 69, Source = Bibliography.BohannonAndrews2011, Status = EvidenceStatus.VerifiedThroughSecondary },
            new() { Group = "Women 60–69", Mean = 1.24m, Sex = Sex.Female, AgeFrom = 60, AgeTo = 69, Source = Bibliography.BohannonAndrews2011, Status = EvidenceStatus.VerifiedThroughSecondary },
            new() { Group = "Men 80–99", Mean = 0.97m, Sex = Sex.Male, AgeFrom = 80, AgeTo = 99, Source = Bibliography.BohannonAndrews2011, Status = EvidenceStatus.VerifiedThroughSecondary },
            new() { Group = "Women 80–99", Mean = 0.94m, Sex = Sex.Female, AgeFrom = 80, AgeTo = 99, Source = Bibliography.BohannonAndrews2011 },
        ],
        Notes =
        [
            new("Lewek & Sykes 2019 grouped patients by baseline comfortable speed; the MDC is chosen from the baseline value.", Bibliography.LewekSykes2019),
            new("The baseline comfortable speed also selects the 6MWT MCID of 44 m in subacute stroke when it is below 0.4 m/s (Fulk & He 2018; see 6MWT).", Bibliography.FulkHe2018),
        ],
    };

    public static readonly MeasureDefinition TenMetreWalkFast = new()
    {
        Code = MeasureCodes.TenMetreWalkFast,
        Name = "10-Metre Walk Test, fast pace",
        ShortName = "10MWT fast",
        SummaryLabel = "Fast gait speed",
        Unit = MeasureUnit.MetresPerSecond,
        Range = new ValidRange(0, 3, MinExclusive: true),
        Decimals = 2,
        Direction = MeasureDirection.HigherIsBetter,
        Administration = "The patient walks 10 m as fast as safely possible; time the middle 6 m (or the full 10 m) and record the walking aid. Speed = distance / time.",
        CutOffs =
        [
            new()
            {
                Title = "Older-adult fall risk (fast < 1.13 m/s)",
                Bands =
                [
                    new("Fall risk, older adults (fast < 1.13 m/s)", "below the older-adult fall-risk cut-off (fast < 1.13 m/s)", ValueRange.Below(1.13m), IsConcern: true),
                    new("Not in older-adult fall-risk range (≥ 1.13 m/s)", "at or above the older-adult fall-risk cut-off (1.13 m/s)", ValueRange.AtOrAbove(1.13m), IsConcern: false),
                ],
                Population = "community-dwelling older adults aged 65–93",
                AppliesTo = Applicability.OlderAdults(65, 93),
                Source = Bibliography.Middleton2016,
                Caveat = new("Derived from falls in the previous year (retrospective), median age 82: sensitivity 76.6 %, specificity 60.0 %, AUC 0.71."),
            },
        ],
        Notes =
        [
            new("The catalogue's MDC, MCID, ambulation categories and norms for gait speed are for comfortable pace; none is applied to fast pace."),
        ],
    };

    public static readonly MeasureDefinition ThreeMetreBackwardWalk = new()
    {
        Code = MeasureCodes.ThreeMetreBackwardWalk,
        Name = "3-Metre Backward Walk Test",
        ShortName = "3MBWT",
        SummaryLabel = "3MBWT time",
        Unit = MeasureUnit.Seconds,
        Range = new ValidRange(0, 300, MinExclusive: true),
        Decimals = 1,
        Direction = MeasureDirection.LowerIsBetter,
        Administration = "The patient walks backward 3 m at a comfortable pace; record the time in seconds. After stroke, walk 5 m and time the middle 3 m.",
        ChangeThresholds =
        [
            new()
            {
                Kind = ChangeThresholdKind.Mdc, Value = 1.57m, Population = "stroke", AppliesTo = Stroke, Source = Bibliography.Kocaman2021,
                Note = "41 people with stroke, retest after 2 days (SEM 1.11 s); the time since stroke is not stated in the abstract.",
            },
        ],
        CutOffs =
        [
            new()
            {
                Title = "Older-adult fall risk (3MBWT > 4.5 s)",
                Bands =
                [
                    new("Not in older-adult high-fall-risk range (≤ 4.5 s)", "at or below the older-adult fall-risk cut-off (4.5 s)", ValueRange.AtOrBelow(4.5m), IsConcern: false),
                    new("High fall risk, older adults (> 4.5 s)", "above the older-adult high-fall-risk cut-off (> 4.5 s)", ValueRange.Above(4.5m), IsConcern: true),
                ],
                Population = "community-dwelling older adults walking without an aid and without a neurological diagnosis (retrospective falls)",
                AppliesTo = OlderAdults,
                Source = Bibliography.Carter2019,
                ConfirmedThrough = Bibliography.Carter2020,
                Status = EvidenceStatus.Unverified,
                Caveat = new(
                    "Not used to categorise. It was derived from falls already reported (retrospective) in older adults walking without an aid, "
                    + "and it lies below the mean time of older non-fallers (5.1 ± 1.3 s, Polo-Ferrero 2025), so most non-fallers would be flagged. "
                    + "In 483 community-dwelling older adults the best cut-off was 5.5 s, with weak accuracy (sensitivity 59.5 %, specificity 68.6 %, AUC 0.655). "
                    + "The original paper's DOI or PMID is not yet recorded. In stroke, times did not differ by fall history (Kapan 2023: 35 people within a month of stroke).",
                    Bibliography.PoloFerrero2025, Bibliography.Kapan2023),
            },
        ],
        Norms =
        [
            new() { Group = "Older-adult non-fallers", Mean = 5.1m, StandardDeviation = 1.3m, Source = Bibliography.PoloFerrero2025 },
        ],
        Notes =
        [
            new("The MDC of 1.57 s for time is from stroke (Kocaman 2021); backward gait speed has its own MDC (DeMark 2023).", Bibliography.Kocaman2021, Bibliography.DeMark2023),
            new("No MCID is in the catalogue: none was found in the literature checked."),
        ],
    };

    public static readonly MeasureDefinition BackwardWalkingSpeed = new()
    {
        Code = MeasureCodes.BackwardWalkingSpeed,
        Name = "Backward gait speed",
        ShortName = "Backward speed",
        SummaryLabel = "Backward gait speed",
        Unit = MeasureUnit.MetresPerSecond,
        Range = new ValidRange(0, 3, MinExclusive: true),
        Decimals = 2,
        Direction = MeasureDirection.HigherIsBetter,
        Administration = "Calculated from the 3-Metre Backward Walk Test: 3 m divided by the time.",
        DerivedFrom = MeasureCodes.ThreeMetreBackwardWalk,
        ChangeThresholds =
        [
            new() { Kind = ChangeThresholdKind.Mdc, Value = 0.07m, Population = "subacute stroke", AppliesTo = Subacute, Source = Bibliography.DeMark2023, Note = "From two trials in one session; day-to-day error may be larger." },
            new() { Kind = ChangeThresholdKind.Mdc, Value = 0.11m, Population = "chronic stroke", AppliesTo = Chronic, Source = Bibliography.DeMark2023, Note = "From two trials in one session; day-to-day error may be larger." },
        ],
        Notes = [new("No MCID is in the catalogue: none was found in the literature checked.")],
    };

    public static readonly MeasureDefinition SixMinuteWalk = new()
    {
        Code = MeasureCodes.SixMinuteWalk,
        Name = "6-Minute Walk Test",
        ShortName = "6MWT",
        SummaryLabel = "6MWT distance",
        Unit = MeasureUnit.Metres,
        Range = new ValidRange(0, 1000),
        Decimals = 0,
        Direction = MeasureDirection.HigherIsBetter,
        Administration = "The patient walks as far as possible in 6 minutes on a 20–50 m course; record the distance in metres.",
        ChangeThresholds =
        [
            new()
            {
                Kind = ChangeThresholdKind.Mcid, Value = 44m, Population = "subacute stroke (2–6 months), baseline comfortable gait speed < 0.4 m/s",
                AppliesTo = Subacute, BaselineGaitSpeed = ValueRange.Below(0.4m), Source = Bibliography.FulkHe2018, Qualifier = "mRS anchor",
                Note = "The only value the authors endorse (AUC 0.72); it needs a baseline 10MWT at comfortable pace.",
            },
            new()
            {
                Kind = ChangeThresholdKind.Mcid, Value = 71m, Population = "stroke, 2–6 months after onset", AppliesTo = Applicability.Never, Source = Bibliography.FulkHe2018, Qualifier = "mRS anchor",
                Note = "Not applied: poor discrimination (AUC 0.66), and the authors could not estimate an accurate MCID at a baseline speed of 0.4 m/s or faster.",
            },
            new()
            {
                Kind = ChangeThresholdKind.Mcid, Value = 65m, Population = "stroke, 2–6 months after onset", AppliesTo = Applicability.Never, Source = Bibliography.FulkHe2018, Qualifier = "SIS anchor",
                Note = "Not applied: poor discrimination (AUC 0.59), and the authors could not estimate an accurate MCID at a baseline speed of 0.4 m/s or faster.",
            },
            new() { Kind = ChangeThresholdKind.Mcid, Value = 20m, Population = "older adults", AppliesTo = OlderAdults, Source = Bibliography.Perera2006, Qualifier = "small" },
            new() { Kind = ChangeThresholdKind.Mcid, Value = 50m, Population = "older adults", AppliesTo = OlderAdults, Source = Bibliography.Perera2006, Qualifier = "substantial" },
        ],
        Notes =
        [
            new("Fulk & He 2018 derived their MCIDs between 2 and 6 months after stroke. Only 44 m, for a baseline comfortable gait speed below 0.4 m/s, "
                + "discriminated acceptably; it is applied in subacute stroke when such a baseline 10MWT exists. 71 m and 65 m are shown, not applied, and none is applied in chronic stroke.",
                Bibliography.FulkHe2018),
            new("Predicted distance: Enright & Sherrill 1998 equations, derived in healthy adults aged 40–80.", Bibliography.EnrightSherrill1998),
        ],
    };

    public static readonly MeasureDefinition FunctionalGaitAssessment = new()
    {
        Code = MeasureCodes.FunctionalGaitAssessment,
        Name = "Functional Gait Assessment",
        ShortName = "FGA",
        SummaryLabel = "FGA score",
        Unit = MeasureUnit.Points,
        Range = new ValidRange(0, 30, WholeNumbers: true),
        Decimals = 0,
        Direction = MeasureDirection.HigherIsBetter,
        Administration = "The therapist scores 10 walking tasks from 0 to 3; the total is the sum, 0–30.",
        ItemScoring = ItemScoring.Sum,
        Items = Items(0, 3,
            "Gait level surface",
            "Change in gait speed",
            "Gait with horizontal head turns",
            "Gait with vertical head turns",
            "Gait and pivot turn",
            "Step over obstacle",
            "Gait with narrow base of support",
            "Gait with eyes closed",
            "Ambulating backwards",
            "Steps"),
        ChangeThresholds =
        [
            new()
            {
                Kind = ChangeThresholdKind.Mdc, Value = 5.02m, Population = "community-dwelling stroke", AppliesTo = Chronic, Source = Bibliography.FgaCommunityStroke,
                Status = EvidenceStatus.Unverified, Note = "Unverified: the study's bibliographic record is not confirmed, so it is never used.",
            },
            new()
            {
                Kind = ChangeThresholdKind.Mdc, Value = 6m, Population = "subacute stroke (median 6 weeks)", AppliesTo = Subacute, Source = Bibliography.VanBloemendaal2019,
                Status = EvidenceStatus.Unverified, Note = "Unverified: the value is in the abstract, but the paper's DOI or PMID is not yet recorded, so it is never used.",
            },
        ],
        CutOffs =
        [
            new()
            {
                Title = "Older-adult fall risk (FGA ≤ 22)",
                Bands =
                [
                    new("Fall risk, older adults (FGA ≤ 22)", "in the older-adult fall-risk range (FGA ≤ 22)", ValueRange.AtOrBelow(22), IsConcern: true),
                    new("Not in older-adult fall-risk range (FGA > 22)", "outside the older-adult fall-risk range (FGA > 22)", ValueRange.Above(22), IsConcern: false),
                ],
                Population = "community-dwelling older adults aged 60–90",
                AppliesTo = Applicability.OlderAdults(60, 90),
                Source = Bibliography.WrisleyKumar2010,
                Caveat = new("Small sample (35 people, followed for 6 months): sensitivity 100 %, specificity 72 %."),
            },
        ],
    };

    public static readonly MeasureDefinition ActivitiesBalanceConfidence = new()
    {
        Code = MeasureCodes.ActivitiesBalanceConfidence,
        Name = "Activities-specific Balance Confidence Scale",
        ShortName = "ABC",
        SummaryLabel = "ABC score",
        Unit = MeasureUnit.Percent,
        Range = new ValidRange(0, 100),
        Decimals = 1,
        Direction = MeasureDirection.HigherIsBetter,
        Administration = "The patient rates confidence of not losing balance in 16 activities, each from 0 to 100%; the score is the mean.",
        ItemScoring = ItemScoring.Mean,
        FhirCategory = "survey",
        Items = Items(0, 100,
            "Walk around the house",
            "Walk up or down stairs",
            "Bend over and pick up a slipper from the floor",
            "Reach for a small can off a shelf at eye level",
            "Stand on tiptoes and reach for something above your head",
            "Stand on a chair and reach for something",
            "Sweep the floor",
            "Walk outside the house to a car parked in the driveway",
            "Get into or out of a car",
            "Walk across a parking lot to the mall",
            "Walk up or down a ramp",
            "Walk in a crowded mall where people rapidly walk past you",
            "Are bumped into by people as you walk through the mall",
            "Step onto or off an escalator while holding onto a railing",
            "Step onto or off an escalator holding parcels, unable to hold the railing",
            "Walk outside on icy sidewalks"),
        CutOffs =
        [
            new()
            {
                Title = "Fall risk (ABC < 67%)",
                Bands =
                [
                    new("Fall risk (ABC < 67%, unverified)", "below 67% (unverified cut-off)", ValueRange.Below(67), IsConcern: true),
                    new("ABC ≥ 67% (unverified cut-off)", "at or above 67% (unverified cut-off)", ValueRange.AtOrAbove(67), IsConcern: false),
                ],
                Population = "older adults",
                AppliesTo = OlderAdults,
                Source = Bibliography.LajoieGallagher2004,
                Status = EvidenceStatus.Unverified,
                Caveat = new(
                    "Unverified: usually attributed to Lajoie & Gallagher 2004, but 67 % was not found there. Shown for information only, never used to categorise.",
                    Bibliography.LajoieGallagher2004),
            },
        ],
        Notes = [new("MDC and MCID: none confirmed, none shown.")],
    };

    public static readonly MeasureDefinition DynamicGaitIndex = new()
    {
        Code = MeasureCodes.DynamicGaitIndex,
        Name = "Dynamic Gait Index",
        ShortName = "DGI",
        SummaryLabel = "DGI score",
        Unit = MeasureUnit.Points,
        Range = new ValidRange(0, 24, WholeNumbers: true),
        Decimals = 0,
        Direction = MeasureDirection.HigherIsBetter,
        Administration = "The therapist scores 8 walking tasks from 0 to 3; the total is the sum, 0–24.",
        ItemScoring = ItemScoring.Sum,
        Items = Items(0, 3,
            "Gait level surface",
            "Change in gait speed",
            "Gait with horizontal head turns",
            "Gait with vertical head turns",
            "Gait and pivot turn",
            "Step over obstacle",
            "Step around obstacles",
            "Steps"),
        ChangeThresholds =
        [
            new() { Kind = ChangeThresholdKind.Mdc, Value = 1.9m, Population = "chronic stroke", AppliesTo = Chronic, Source = Bibliography.Alghadir2018 },
            new()
            {
                Kind = ChangeThresholdKind.Mdc, Value = 2.9m, Population = "older adults over 65 with falls or near-falls", AppliesTo = OlderAdults, Source = Bibliography.Romero2011,
                Note = "From inter-rater re-scoring of videos, not from a repeated test.",
            },
        ],
        CutOffs =
        [
            new()
            {
                Title = "Fall risk (DGI ≤ 19)",
                Bands =
                [
                    new("Fall risk (DGI ≤ 19, unverified)", "in the fall-risk range (DGI ≤ 19, unverified cut-off)", ValueRange.AtOrBelow(19), IsConcern: true),
                    new("DGI > 19 (unverified cut-off)", "above 19 (unverified cut-off)", ValueRange.Above(19), IsConcern: false),
                ],
                Population = "community-dwelling older adults",
                AppliesTo = OlderAdults,
                Source = Bibliography.ShumwayCookBaldwin1997,
                Status = EvidenceStatus.Unverified,
                Caveat = new(
                    "Unverified: attributed to Shumway-Cook 1997, but neither 1997 paper's abstract gives a DGI cut-off, and the paper and page are not confirmed. "
                    + "Shown for information only, never used to categorise.",
                    Bibliography.ShumwayCookBaldwin1997, Bibliography.ShumwayCookGruber1997),
            },
        ],
    };

    public static readonly MeasureDefinition FiveTimesSitToStand = new()
    {
        Code = MeasureCodes.FiveTimesSitToStand,
        Name = "Five Times Sit-to-Stand",
        ShortName = "FTSTS",
        SummaryLabel = "FTSTS time",
        Unit = MeasureUnit.Seconds,
        Range = new ValidRange(0, 300, MinExclusive: true),
        Decimals = 1,
        Direction = MeasureDirection.LowerIsBetter,
        Administration = "With arms crossed, from a 43–45 cm chair, the patient stands up fully and sits down 5 times as fast as possible; record the time in seconds.",
        CutOffs =
        [
            new()
            {
                Title = "Stroke vs healthy older adults (FTSTS 12 s)",
                Bands =
                [
                    new("Within healthy older-adult range (≤ 12 s)", "within the healthy older-adult range (≤ 12 s)", ValueRange.AtOrBelow(12), IsConcern: false),
                    new("Slower than 12 s (stroke range)", "slower than the 12 s cut-off that separates stroke from healthy older adults", ValueRange.Above(12), IsConcern: true),
                ],
                Population = "chronic stroke compared with healthy older adults",
                AppliesTo = Chronic,
                Source = Bibliography.Mong2010,
                Caveat = new("Separates people after stroke from healthy older adults (12 per group; sensitivity 83 %, specificity 75 %); it is not a fall-risk cut-off."),
            },
        ],
        Notes = [new("MDC: none confirmed, none shown.")],
    };

    public static readonly MeasureDefinition MiniBesTest = new()
    {
        Code = MeasureCodes.MiniBesTest,
        Name = "Mini-Balance Evaluation Systems Test",
        ShortName = "Mini-BESTest",
        SummaryLabel = "Mini-BESTest score",
        Unit = MeasureUnit.Points,
        Range = new ValidRange(0, 28, WholeNumbers: true),
        Decimals = 0,
        Direction = MeasureDirection.HigherIsBetter,
        Administration = "The therapist scores 14 balance tasks from 0 to 2; the total is the sum, 0–28. For items scored on each side, enter the lower score.",
        ItemScoring = ItemScoring.Sum,
        Items = Items(0, 2,
            "Sit to stand",
            "Rise to toes",
            "Stand on one leg (lower side)",
            "Compensatory stepping, forward",
            "Compensatory stepping, backward",
            "Compensatory stepping, lateral (lower side)",
            "Stance, feet together, eyes open, firm surface",
            "Stance, feet together, eyes closed, foam surface",
            "Incline, eyes closed",
            "Change in gait speed",
            "Walk with head turns, horizontal",
            "Walk with pivot turns",
            "Step over obstacles",
            "Timed Up and Go with dual task"),
        ChangeThresholds =
        [
            new() { Kind = ChangeThresholdKind.Mdc, Value = 3.0m, Population = "chronic stroke", AppliesTo = Chronic, Source = Bibliography.Tsang2013, Note = "MDC95; retest within 10 days." },
            new() { Kind = ChangeThresholdKind.Mcid, Value = 4m, Population = "stroke, outpatient rehabilitation", AppliesTo = Stroke, Source = Bibliography.Beauchamp2021, Qualifier = "small" },
            new() { Kind = ChangeThresholdKind.Mcid, Value = 5m, Population = "stroke, outpatient rehabilitation", AppliesTo = Stroke, Source = Bibliography.Beauchamp2021, Qualifier = "substantial" },
        ],
    };

    /// <summary>Every measure, in the order the UI lists them.</summary>
    public static IReadOnlyList<MeasureDefinition> All { get; } =
    [
        BergBalanceScale,
        TimedUpAndGo,
        TenMetreWalkComfortable,
        TenMetreWalkFast,
        ThreeMetreBackwardWalk,
        BackwardWalkingSpeed,
        SixMinuteWalk,
        FunctionalGaitAssessment,
        ActivitiesBalanceConfidence,
        DynamicGaitIndex,
        FiveTimesSitToStand,
        MiniBesTest,
    ];

    private static readonly Dictionary<string, MeasureDefinition> ByCode =
        All.ToDictionary(m => m.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>The measure with this code (case-insensitive).</summary>
    /// <exception cref="KeyNotFoundException">The code is not in the catalogue.</exception>
    public static MeasureDefinition Get(string code) =>
        TryGet(code, out var measure) ? measure : throw new KeyNotFoundException($"Unknown measure code '{code}'.");

    public static bool TryGet(string? code, [NotNullWhen(true)] out MeasureDefinition? measure)
    {
        measure = null;
        return code is not null && ByCode.TryGetValue(code, out measure);
    }

    private static IReadOnlyList<MeasureItem> Items(int minScore, int maxScore, params string[] names) =>
        [.. names.Select((name, i) => new MeasureItem(i + 1, name, minScore, maxScore))];
}
