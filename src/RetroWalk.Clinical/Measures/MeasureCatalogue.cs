using System.Diagnostics.CodeAnalysis;

namespace RetroWalk.Clinical.Measures;

/// <summary>
/// The outcome measures RetroWalk knows, with their published MDC/MCID values, cut-offs and norms.
/// Every value carries its source. Values without a primary citation in the domain reference say
/// <see cref="DomainReference"/>; values the reference marks unverified are flagged
/// <c>IsVerified = false</c> and are never used to state a conclusion.
/// </summary>
public static class MeasureCatalogue
{
    /// <summary>Source text for a value taken from the domain reference without a primary citation.</summary>
    public const string DomainReference = "primary citation not yet recorded";

    /// <summary>Source text for a value the domain reference marks unverified.</summary>
    public const string Unverified = "unverified";

    private static readonly IReadOnlyList<Condition> Stroke = [Condition.ChronicStroke, Condition.SubacuteStroke];
    private static readonly IReadOnlyList<Condition> Chronic = [Condition.ChronicStroke];
    private static readonly IReadOnlyList<Condition> Subacute = [Condition.SubacuteStroke];
    private static readonly IReadOnlyList<Condition> OlderAdults = [Condition.OlderAdultFallRisk];

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
            new() { Kind = ChangeThresholdKind.Mdc, Value = 2.7m, Population = "chronic stroke", AppliesTo = Chronic, Source = "Alghadir 2018" },
            new() { Kind = ChangeThresholdKind.Mdc, Value = 4m, Population = "older adults", AppliesTo = OlderAdults, Baseline = ValueRange.Between(45, 56), Source = "Donoghue & Stokes 2009" },
            new() { Kind = ChangeThresholdKind.Mdc, Value = 5m, Population = "older adults", AppliesTo = OlderAdults, Baseline = ValueRange.Between(35, 44), Source = "Donoghue & Stokes 2009" },
            new() { Kind = ChangeThresholdKind.Mdc, Value = 7m, Population = "older adults", AppliesTo = OlderAdults, Baseline = ValueRange.Between(25, 34), Source = "Donoghue & Stokes 2009" },
            new() { Kind = ChangeThresholdKind.Mdc, Value = 5m, Population = "older adults", AppliesTo = OlderAdults, Baseline = ValueRange.Between(0, 24), Source = "Donoghue & Stokes 2009" },
        ],
        CutOffs =
        [
            new()
            {
                Title = "Fall risk (Berg < 45)",
                Bands =
                [
                    new("Fall risk (Berg < 45)", "in the fall-risk range (Berg < 45)", ValueRange.Below(45), IsConcern: true),
                    new("Not in fall-risk range (Berg ≥ 45)", "outside the fall-risk range (Berg ≥ 45)", ValueRange.AtOrAbove(45), IsConcern: false),
                ],
                Population = "older adults",
                Source = "Berg 1992",
                Caveat = "Muir 2008 advises against relying on a single cut-off: fall risk rises continuously as the score falls.",
            },
            new()
            {
                Title = "Multiple or injurious falls (Berg ≤ 42)",
                Bands =
                [
                    new("Risk of multiple or injurious falls (Berg ≤ 42)", "in the range for multiple or injurious falls (Berg ≤ 42)", ValueRange.AtOrBelow(42), IsConcern: true),
                    new("Above multiple-fall cut-off (Berg > 42)", "above the multiple-fall cut-off (Berg > 42)", ValueRange.Above(42), IsConcern: false),
                ],
                Population = "older adults",
                Source = DomainReference,
            },
        ],
        Notes =
        [
            "An MCID of 6.5–12.5 points is reported for acute stroke (" + DomainReference + "); it is not applied because RetroWalk has no acute-stroke condition.",
            "Norms: unverified, none shown.",
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
            new() { Kind = ChangeThresholdKind.Mdc, Value = 3.2m, Population = "chronic stroke", AppliesTo = Chronic, Source = "Alghadir 2018" },
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
                Source = "Shumway-Cook 2000",
                Caveat = "Weak screening test (sensitivity 0.31): a time under 13.5 s does not rule out fall risk.",
            },
        ],
        Norms =
        [
            new("Age 60–69", 8.1m, null, "Bohannon 2006") { AgeFrom = 60, AgeTo = 69 },
            new("Age 70–79", 9.2m, null, "Bohannon 2006") { AgeFrom = 70, AgeTo = 79 },
            new("Age 80–99", 11.3m, null, "Bohannon 2006") { AgeFrom = 80, AgeTo = 99 },
        ],
        Notes =
        [
            "In stroke, fall-risk cut-offs of 15–19 s are reported (" + DomainReference + "); shown for information, not used to categorise.",
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
            new() { Kind = ChangeThresholdKind.Mdc, Value = 0.10m, Population = "chronic stroke", AppliesTo = Chronic, Baseline = ValueRange.Below(0.4m), Source = "Lewek & Sykes 2019", Note = "MDC95" },
            new() { Kind = ChangeThresholdKind.Mdc, Value = 0.15m, Population = "chronic stroke", AppliesTo = Chronic, Baseline = ValueRange.Between(0.4m, 0.8m), Source = "Lewek & Sykes 2019", Note = "MDC95" },
            new() { Kind = ChangeThresholdKind.Mdc, Value = 0.18m, Population = "chronic stroke", AppliesTo = Chronic, Baseline = ValueRange.Above(0.8m), Source = "Lewek & Sykes 2019", Note = "MDC95" },
            new()
            {
                Kind = ChangeThresholdKind.Mcid, Value = 0.16m, Population = "subacute stroke", AppliesTo = Subacute, Source = "Tilson 2010",
                Note = "Derived 20–60 days after stroke in patients with severe gait speed impairment.",
            },
            new()
            {
                Kind = ChangeThresholdKind.Mcid, Value = 0.13m, Population = "stroke, inpatient rehabilitation", AppliesTo = [], Source = "Bohannon 2013",
                Note = "Not applied automatically: RetroWalk does not record the inpatient setting.",
            },
            new() { Kind = ChangeThresholdKind.Mcid, Value = 0.05m, Population = "older adults", AppliesTo = OlderAdults, Source = "Perera 2006", Qualifier = "small" },
            new() { Kind = ChangeThresholdKind.Mcid, Value = 0.10m, Population = "older adults", AppliesTo = OlderAdults, Source = "Perera 2006", Qualifier = "substantial" },
        ],
        CutOffs =
        [
            new()
            {
                Title = "Ambulation category",
                Bands =
                [
                    new("Household ambulator (< 0.4 m/s)", "a household ambulator", ValueRange.Below(0.4m), IsConcern: true),
                    new("Limited community ambulator (0.4–0.8 m/s)", "a limited community ambulator", ValueRange.Between(0.4m, 0.8m), IsConcern: true),
                    new("Community ambulator (> 0.8 m/s)", "a community ambulator", ValueRange.Above(0.8m), IsConcern: false),
                ],
                Population = "stroke",
                Source = "Perry 1995",
            },
            new()
            {
                Title = "Older-adult fall risk (comfortable < 0.76 m/s)",
                Bands =
                [
                    new("Fall risk, older adults (comfortable < 0.76 m/s)", "below the older-adult fall-risk cut-off (comfortable < 0.76 m/s)", ValueRange.Below(0.76m), IsConcern: true),
                    new("Not in older-adult fall-risk range (≥ 0.76 m/s)", "at or above the older-adult fall-risk cut-off (0.76 m/s)", ValueRange.AtOrAbove(0.76m), IsConcern: false),
                ],
                Population = "community-dwelling older adults",
                Source = "Middleton 2016",
            },
        ],
        Norms =
        [
            new("Men 60–69", 1.34m, null, "Bohannon & Andrews 2011") { Sex = Sex.Male, AgeFrom = 60, AgeTo = 69 },
            new("Women 60–69", 1.24m, null, "Bohannon & Andrews 2011") { Sex = Sex.Female, AgeFrom = 60, AgeTo = 69 },
            new("Men 80–99", 0.97m, null, "Bohannon & Andrews 2011") { Sex = Sex.Male, AgeFrom = 80, AgeTo = 99 },
            new("Women 80–99", 0.94m, null, "Bohannon & Andrews 2011") { Sex = Sex.Female, AgeFrom = 80, AgeTo = 99 },
        ],
        Notes =
        [
            "Lewek & Sykes 2019 grouped patients by baseline comfortable speed; the MDC is chosen from the baseline value.",
            "Fulk & He 2018 report a 6MWT MCID of 44 m when comfortable speed is below 0.4 m/s (see 6MWT).",
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
                Population = "community-dwelling older adults",
                Source = "Middleton 2016",
            },
        ],
        Notes =
        [
            "The catalogue's MDC, MCID, ambulation categories and norms for gait speed are for comfortable pace; none is applied to fast pace.",
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
                Population = "older adults",
                Source = "Carter 2019",
                NotApplicableTo = Stroke,
                NotApplicableReason = "Not discriminative in stroke.",
            },
        ],
        Norms =
        [
            new("Older-adult non-fallers", 5.1m, 1.3m, "Polo-Ferrero 2025"),
        ],
        Notes =
        [
            "The published MDC is for backward gait speed (BWS), not for time; no MCID is published.",
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
            new() { Kind = ChangeThresholdKind.Mdc, Value = 0.07m, Population = "subacute stroke", AppliesTo = Subacute, Source = "DeMark 2023" },
            new() { Kind = ChangeThresholdKind.Mdc, Value = 0.11m, Population = "chronic stroke", AppliesTo = Chronic, Source = "DeMark 2023" },
        ],
        Notes = ["No MCID is published."],
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
            new() { Kind = ChangeThresholdKind.Mcid, Value = 71m, Population = "stroke", AppliesTo = Stroke, Source = "Fulk & He 2018", Qualifier = "mRS anchor" },
            new() { Kind = ChangeThresholdKind.Mcid, Value = 65m, Population = "stroke", AppliesTo = Stroke, Source = "Fulk & He 2018", Qualifier = "SIS anchor" },
            new() { Kind = ChangeThresholdKind.Mcid, Value = 20m, Population = "older adults", AppliesTo = OlderAdults, Source = "Perera 2006", Qualifier = "small" },
            new() { Kind = ChangeThresholdKind.Mcid, Value = 50m, Population = "older adults", AppliesTo = OlderAdults, Source = "Perera 2006", Qualifier = "substantial" },
        ],
        Notes =
        [
            "Fulk & He 2018 also report an MCID of 44 m in stroke when baseline comfortable gait speed is below 0.4 m/s; not applied automatically because it depends on the 10MWT.",
            "Predicted distance: Enright & Sherrill 1998 (see SixMinuteWalk.Predicted).",
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
            new() { Kind = ChangeThresholdKind.Mdc, Value = 5.02m, Population = "community-dwelling stroke", AppliesTo = Chronic, Source = DomainReference },
            new() { Kind = ChangeThresholdKind.Mdc, Value = 6m, Population = "subacute stroke", AppliesTo = Subacute, Source = "van Bloemendaal et al." },
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
                Population = "community-dwelling older adults",
                Source = "Wrisley & Kumar 2010",
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
                Source = Unverified,
                IsVerified = false,
                Caveat = "Unverified: shown for information only, never used to categorise.",
            },
        ],
        Notes = ["MDC and MCID: unverified, none shown."],
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
            new() { Kind = ChangeThresholdKind.Mdc, Value = 1.9m, Population = "chronic stroke", AppliesTo = Chronic, Source = "Alghadir 2018" },
            new() { Kind = ChangeThresholdKind.Mdc, Value = 2.9m, Population = "older adults", AppliesTo = OlderAdults, Source = DomainReference },
        ],
        CutOffs =
        [
            new()
            {
                Title = "Fall risk (DGI ≤ 19)",
                Bands =
                [
                    new("Fall risk (DGI ≤ 19)", "in the fall-risk range (DGI ≤ 19)", ValueRange.AtOrBelow(19), IsConcern: true),
                    new("Not in fall-risk range (DGI > 19)", "outside the fall-risk range (DGI > 19)", ValueRange.Above(19), IsConcern: false),
                ],
                Population = "community-dwelling older adults",
                Source = "Shumway-Cook 1997",
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
                Population = "chronic stroke and healthy older adults",
                Source = "Mong 2010",
                Caveat = "Separates people after stroke from healthy older adults; it is not a fall-risk cut-off.",
            },
        ],
        Notes = ["MDC: unverified, none shown."],
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
            new() { Kind = ChangeThresholdKind.Mdc, Value = 3.0m, Population = "chronic stroke", AppliesTo = Chronic, Source = DomainReference },
            new() { Kind = ChangeThresholdKind.Mcid, Value = 4m, Population = "stroke, outpatient rehabilitation", AppliesTo = Stroke, Source = "Beauchamp 2021", Qualifier = "small" },
            new() { Kind = ChangeThresholdKind.Mcid, Value = 5m, Population = "stroke, outpatient rehabilitation", AppliesTo = Stroke, Source = "Beauchamp 2021", Qualifier = "substantial" },
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
