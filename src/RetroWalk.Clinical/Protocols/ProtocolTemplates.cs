using RetroWalk.Clinical.Evidence;

namespace RetroWalk.Clinical.Protocols;

/// <summary>
/// Built-in, read-only starting templates from published trials. Therapists clone and adjust them.
/// Where a trial does not fix a value the template uses a stated default, and the description says so;
/// <see cref="References"/> gives each template's full sources.
/// </summary>
public static class ProtocolTemplates
{
    public const string ChronicStroke4WeeksKey = "chronic-stroke-4wk";
    public const string SubacuteStroke8SessionsKey = "subacute-stroke-8-sessions";
    public const string KneeOsteoarthritis6WeeksKey = "knee-oa-6wk";
    public const string KneeOsteoarthritisRampKey = "knee-oa-ramp";
    public const string AclReconstructionInclineKey = "acl-incline-4wk";
    public const string ChronicStrokeBlttKey = "chronic-stroke-bltt-2wk";

    private const string SpeedDefaultNote =
        "No cited trial fixes a starting speed: 1.0 km/h, with a minimum of 0.3 km/h, is a conservative default to adjust at the first session.";

    private static readonly IntensityTarget ModerateBorg = new()
    {
        RpeScale = RpeScale.Borg6To20,
        RpeMin = 11m,
        RpeMax = 13m,
        HeartRateReserveMinPercent = 40m,
        HeartRateReserveMaxPercent = 60m,
    };

    public static ProtocolDefinition ChronicStroke4Weeks { get; } = new()
    {
        Key = ChronicStroke4WeeksKey,
        Name = "Chronic stroke, 4 weeks",
        Indication = Condition.ChronicStroke,
        Population = "Stroke more than 6 months ago; walks more than 11 m.",
        Description =
            "30 minutes of backward treadmill walking, 3 times a week for 4 weeks, on top of usual physiotherapy. "
            + "A small pilot trial (8 + 8 people analysed; the registration NCT02619110 lists 30 enrolled) improved balance, walking speed and cardiopulmonary fitness. "
            + SpeedDefaultNote + " "
            + "The trial fixes no speed increment: +0.2 km/h per week up to 2.0 km/h, 5-minute warm-up and cool-down, "
            + "full handrail support and close guarding are defaults to adjust. "
            + "Intensity: RPE 11–13 and 40–60 % of heart-rate reserve (ACSM starting zone; RPE only for patients on beta-blockers). "
            + "The trial also measured FVC/FEV1 (spirometry), which is not in the measure catalogue.",
        Source = "Chang 2021, Int J Environ Res Public Health 18(5):2376.",
        Session = new() { WarmUpMinutes = 5m, MainMinutes = 30m, CoolDownMinutes = 5m },
        Course = new() { SessionsPerWeek = 3, Weeks = 4 },
        Treadmill = new()
        {
            StartSpeedKmh = 1.0m,
            MinSpeedKmh = 0.3m,
            MaxSpeedKmh = 2.0m,
            Handrail = HandrailSupport.Full,
            Supervision = SupervisionLevel.CloseGuarding,
        },
        Progression = new SpeedStepPerWeek(0.2m),
        Intensity = ModerateBorg,
        Outcomes =
        [
            new(AssessmentPoint.Baseline, null, ["BBS", "TUG", "10MWT-C", "6MWT"]),
            new(AssessmentPoint.End, null, ["BBS", "TUG", "10MWT-C", "6MWT"]),
        ],
    };

    public static ProtocolDefinition SubacuteStroke8Sessions { get; } = new()
    {
        Key = SubacuteStroke8SessionsKey,
        Name = "Acute stroke, 8 sessions",
        Indication = Condition.SubacuteStroke,
        Population = "Inpatients about one week after stroke (acute stroke).",
        Description =
            "8 sessions of 30 minutes of backward walking training in addition to scheduled therapy, delivered here on the treadmill. "
            + "The pilot trial (18 people) was in acute stroke, about one week after onset; RetroWalk files the template under subacute stroke, its nearest condition. "
            + SpeedDefaultNote + " "
            + "5 sessions a week (inpatient weekdays), speed +0.1 km/h after a tolerated session up to 1.5 km/h, "
            + "body-weight-support harness, full handrail support and close guarding are defaults to adjust. "
            + "The trial also used a 5-metre walk test, which is not in the measure catalogue.",
        Source = "Rose 2018, J Neurol Phys Ther 42(1):12–21.",
        Session = new() { WarmUpMinutes = 0m, MainMinutes = 30m, CoolDownMinutes = 0m },
        Course = new() { SessionsPerWeek = 5, Weeks = null, FixedSessionCount = 8 },
        Treadmill = new()
        {
            StartSpeedKmh = 1.0m,
            MinSpeedKmh = 0.3m,
            MaxSpeedKmh = 1.5m,
            Handrail = HandrailSupport.Full,
            BodyWeightSupportHarness = true,
            Supervision = SupervisionLevel.CloseGuarding,
        },
        Progression = new SpeedStepAfterTolerated(0.1m),
        Intensity = ModerateBorg,
        Outcomes =
        [
            new(AssessmentPoint.Baseline, null, ["3MBWT", "ABC", "BBS"]),
            new(AssessmentPoint.End, null, ["3MBWT", "ABC", "BBS"]),
        ],
    };

    public static ProtocolDefinition KneeOsteoarthritis6Weeks { get; } = new()
    {
        Key = KneeOsteoarthritis6WeeksKey,
        Name = "Knee osteoarthritis, 6 weeks",
        Indication = Condition.KneeOsteoarthritis,
        Population = "Knee osteoarthritis (trial mean age about 56).",
        Description =
            "10 minutes of retro walking added to usual care, 3 times a week for 6 weeks, delivered here on the treadmill. "
            + SpeedDefaultNote + " "
            + "5-minute warm-up and cool-down, light-touch handrail support and stand-by supervision are defaults to adjust. "
            + "The trial also measured pain (NRS) and WOMAC, which are not in the measure catalogue.",
        Source = "Alghadir 2019, BMC Musculoskelet Disord 20:159.",
        Session = new() { WarmUpMinutes = 5m, MainMinutes = 10m, CoolDownMinutes = 5m },
        Course = new() { SessionsPerWeek = 3, Weeks = 6 },
        Treadmill = new()
        {
            StartSpeedKmh = 1.0m,
            MinSpeedKmh = 0.3m,
            MaxSpeedKmh = 3.0m,
            Handrail = HandrailSupport.LightTouch,
            Supervision = SupervisionLevel.StandBy,
        },
        Progression = new NoProgression(),
        Intensity = ModerateBorg,
        Outcomes =
        [
            new(AssessmentPoint.Baseline, null, ["TUG"]),
            new(AssessmentPoint.End, null, ["TUG"]),
        ],
    };

    public static ProtocolDefinition KneeOsteoarthritisRamp { get; } = new()
    {
        Key = KneeOsteoarthritisRampKey,
        Name = "Knee osteoarthritis, duration ramp",
        Indication = Condition.KneeOsteoarthritis,
        Population = "Knee osteoarthritis.",
        Description =
            "Based on trial protocols; no published results. "
            + "Backward treadmill walking starting at 10 minutes and adding time up to 30 minutes while pain stays low, "
            + "3 times a week for 6 weeks. The 10 → 30 minute ramp is from the registration NCT07649863 (a pilot of 44 people, no results). "
            + "The 2023 protocol (26 people, no results) walks on a lower-body-positive-pressure (anti-gravity) treadmill, which this template does not assume; "
            + "its primary outcomes (pain NPRS, KOOS, thigh strength) are not in the measure catalogue, and the measures planned here are its secondary outcomes. "
            + SpeedDefaultNote + " "
            + "The size of the time step is not fixed: +5 minutes per week, held when pain increased in the last session, is a default to adjust. "
            + "5-minute warm-up and cool-down, light-touch handrail support and stand-by supervision are defaults to adjust.",
        Source = "NCT07649863; J Orthop Surg Res 2023;18:264 (trial protocols; no published results).",
        Session = new() { WarmUpMinutes = 5m, MainMinutes = 30m, CoolDownMinutes = 5m },
        Course = new() { SessionsPerWeek = 3, Weeks = 6 },
        Treadmill = new()
        {
            StartSpeedKmh = 1.0m,
            MinSpeedKmh = 0.3m,
            MaxSpeedKmh = 3.0m,
            Handrail = HandrailSupport.LightTouch,
            Supervision = SupervisionLevel.StandBy,
        },
        Progression = new DurationRamp(10m, 30m, 5m, RampInterval.Week),
        Intensity = ModerateBorg,
        Outcomes =
        [
            new(AssessmentPoint.Baseline, null, ["3MBWT", "FTSTS", "TUG", "10MWT-C", "6MWT"]),
            new(AssessmentPoint.End, null, ["3MBWT", "FTSTS", "TUG", "10MWT-C", "6MWT"]),
        ],
    };

    public static ProtocolDefinition AclReconstructionIncline { get; } = new()
    {
        Key = AclReconstructionInclineKey,
        Name = "ACL reconstruction, incline, 4 weeks",
        Indication = Condition.AclReconstruction,
        Population = "After anterior cruciate ligament reconstruction.",
        Description =
            "Backward treadmill walking on an incline for 4 weeks, added to the rehabilitation programme. "
            + "The trial did not progress the incline: each of four groups walked at one fixed treadmill angle for the whole 4 weeks (0°, 5°, 10° or 15°). "
            + "10° and 15° improved knee angle reproduction more than level walking, and 5° did not. "
            + "This template's incline steps are a default, not a trial arm: starting level and adding 5° per week reaches 10° in week 3 and 15° in week 4; "
            + "a fixed 10° or 15° from the first session, as in the trial, is the alternative. "
            + SpeedDefaultNote + " "
            + "Frequency and session length are not in the trial's abstract: 3 sessions a week, 20 minutes, "
            + "light-touch handrail support and stand-by supervision are defaults to adjust. "
            + "The trial measured proprioception (angle reproduction and passive motion perception), which is not in the measure catalogue, "
            + "so no outcome measures are planned by default.",
        Source = "Shen 2021, Physiother Theory Pract 37(10):1109–1116.",
        Session = new() { WarmUpMinutes = 5m, MainMinutes = 20m, CoolDownMinutes = 5m },
        Course = new() { SessionsPerWeek = 3, Weeks = 4 },
        Treadmill = new()
        {
            StartSpeedKmh = 1.0m,
            MinSpeedKmh = 0.3m,
            MaxSpeedKmh = 3.0m,
            Incline = 0m,
            MaxIncline = 15m,
            InclineUnit = InclineUnit.Degrees,
            Handrail = HandrailSupport.LightTouch,
            Supervision = SupervisionLevel.StandBy,
        },
        Progression = new InclineStepPerWeek(5m),
        Intensity = ModerateBorg,
        Outcomes = [],
    };

    public static ProtocolDefinition ChronicStrokeBltt { get; } = new()
    {
        Key = ChronicStrokeBlttKey,
        Name = "Chronic stroke, backward locomotor treadmill training, 2 weeks",
        Indication = Condition.ChronicStroke,
        Population = "More than 6 months after stroke, with residual walking impairment.",
        Description =
            "6 sessions of backward locomotor treadmill training, 3 a week over 2 weeks. In 39 adults more than 6 months after stroke, "
            + "backward and forward walking speed, step lengths and single-support centre of pressure improved over the six sessions. "
            + "The paper's abstract does not give the session length: 30 minutes is taken from the same group's randomised follow-up "
            + "(a preprint: nine 30-minute sessions over 3 weeks, where backward and forward treadmill training both gained at least 0.16 m/s, with no difference between them). "
            + SpeedDefaultNote + " "
            + "Neither paper's reachable text states a speed-progression rule, so the template holds the speed: set it at each session by tolerance, or choose a progression rule. "
            + "5-minute warm-up and cool-down, full handrail support and close guarding are defaults to adjust. "
            + "Intensity: RPE 11–13 and 40–60 % of heart-rate reserve (ACSM starting zone; RPE only for patients on beta-blockers). "
            + "The trial measured backward and forward walking speed; the 10MWT at comfortable pace and the 3MBWT (with backward speed) are planned at baseline and at the end.",
        Source = "Front Neurol 2022;13:800757.",
        Session = new() { WarmUpMinutes = 5m, MainMinutes = 30m, CoolDownMinutes = 5m },
        Course = new() { SessionsPerWeek = 3, Weeks = 2 },
        Treadmill = new()
        {
            StartSpeedKmh = 1.0m,
            MinSpeedKmh = 0.3m,
            MaxSpeedKmh = 2.0m,
            Handrail = HandrailSupport.Full,
            Supervision = SupervisionLevel.CloseGuarding,
        },
        Progression = new NoProgression(),
        Intensity = ModerateBorg,
        Outcomes =
        [
            new(AssessmentPoint.Baseline, null, ["10MWT-C", "3MBWT"]),
            new(AssessmentPoint.End, null, ["10MWT-C", "3MBWT"]),
        ],
    };

    public static IReadOnlyList<ProtocolDefinition> All { get; } =
    [
        ChronicStroke4Weeks,
        SubacuteStroke8Sessions,
        KneeOsteoarthritis6Weeks,
        KneeOsteoarthritisRamp,
        AclReconstructionIncline,
        ChronicStrokeBltt,
    ];

    private static readonly Dictionary<string, IReadOnlyList<Reference>> ReferencesByKey = new(StringComparer.Ordinal)
    {
        [ChronicStroke4WeeksKey] = [Bibliography.Chang2021],
        [SubacuteStroke8SessionsKey] = [Bibliography.Rose2018],
        [KneeOsteoarthritis6WeeksKey] = [Bibliography.Alghadir2019],
        [KneeOsteoarthritisRampKey] = [Bibliography.Nct07649863, Bibliography.Josr2023Protocol],
        [AclReconstructionInclineKey] = [Bibliography.Shen2021],
        [ChronicStrokeBlttKey] = [Bibliography.BlttFrontNeurol2022, Bibliography.BlttMedRxiv2024],
    };

    /// <summary>The full sources of a template (empty for a key that is not a template).</summary>
    public static IReadOnlyList<Reference> References(string key) => ReferencesByKey.GetValueOrDefault(key) ?? [];

    /// <summary>The source of the default resting blood-pressure screening limit (200/100 mmHg).</summary>
    public static Reference ScreeningSource => Bibliography.Nct02710773;

    public static ProtocolDefinition? Find(string key) =>
        All.FirstOrDefault(t => string.Equals(t.Key, key, StringComparison.Ordinal));
}
