using System.Globalization;
using RetroWalk.Clinical.Charts;

namespace RetroWalk.Reports.Tests;

/// <summary>
/// Realistic report models for tests and benchmarks: a chronic stroke patient on the Chang 2021
/// protocol (backward treadmill walking, 30 min, 3×/week) with BBS, TUG and 10MWT charts.
/// Deterministic: no clock, no random seed that changes between runs.
/// </summary>
public static class SampleReports
{
    public static readonly DateOnly ProgrammeStart = new(2025, 3, 3);

    public const string AssessmentText =
        "Mrs Nguyễn has attended the backward treadmill walking programme consistently and tolerated every session without a fall. " +
        "Walking speed on the treadmill rose from 0.8 to 2.0 km/h with light handrail support, and she now starts sessions without the harness.\n\n" +
        "Balance improved beyond the minimal detectable change on the Berg Balance Scale, and her Timed Up and Go is now under the 15 s stroke cut-off. " +
        "Comfortable gait speed moved from limited community to community ambulation range. She reports more confidence on stairs and kerbs.\n\n" +
        "Plan: continue two sessions a week for a further six weeks, progress incline to 3 % when RPE stays at or below 13, " +
        "add overground backward walking in the corridor with supervision, and repeat BBS, TUG and 10MWT at week 18. " +
        "Review blood pressure before each session because of the recent change of antihypertensive medication.";

    /// <summary>A full report over <paramref name="sessionCount"/> sessions (36, twelve weeks, gives four A4 pages).</summary>
    public static ProgressReport Typical(string patientName = "Nguyễn Thị Hồng Ánh", int sessionCount = 36)
    {
        var sessions = Sessions(sessionCount);
        var end = sessions.Count > 0 ? sessions[^1].Date : ProgrammeStart.AddDays(82);
        return new ProgressReport
        {
            Clinic = new ClinicDetails("Riverside Physiotherapy Clinic", ["12 Harbour Street", "Gdańsk 80-001, Poland", "Tel. +48 58 000 00 00"]),
            Title = "Progress report",
            GeneratedAt = new DateTimeOffset(2025, 4, 30, 14, 5, 0, TimeSpan.FromHours(2)),
            TimeZoneLabel = "Europe/Warsaw",
            Patient = new PatientDetails(patientName, new DateOnly(1956, 7, 14), "RW-004217", "Chronic stroke", "Left"),
            Programme = new ProgrammeSummary(
                "Chronic stroke, backward treadmill walking (after Chang 2021)",
                "Backward treadmill walking · 30 min · 3×/week · 12 weeks",
                ProgrammeStart,
                end,
                "Active",
                "Anna Kowalczyk, PT"),
            Period = new DateRange(ProgrammeStart, end),
            Adherence = new AdherenceSummary(
                sessions.Count(s => s.Status == "Completed"),
                sessions.Count,
                sessions.Count(s => s.Status == "Completed") * 30 - 10,
                sessions.Count * 30,
                ["0.8 km/h in week 1", "1.2 km/h in week 3", "1.6 km/h in week 5", "2.0 km/h from week 7"],
                [
                    new AdverseEventRow(ProgrammeStart.AddDays(9), "Dizziness", "Light-headed after 12 min; seated rest, BP 128/82, resumed at 0.8 km/h after 5 min."),
                    new AdverseEventRow(ProgrammeStart.AddDays(18), "Near-fall", "Caught her heel on the belt edge turning; handrail held, no injury. Reinforced foot placement cue."),
                ]),
            Sessions = sessions,
            SummarySentences =
            [
                "Balance (Berg Balance Scale) improved by 7 points, more than the 2.7-point change that can be detected in chronic stroke.",
                "Timed Up and Go fell from 18.4 s to 13.9 s, a detectable improvement; she is now below the 15 s stroke fall-risk cut-off.",
                "Comfortable walking speed rose by 0.21 m/s, beyond the 0.16 m/s clinically important difference.",
            ],
            Outcomes =
            [
                new OutcomeRow("Berg Balance Scale", "38", "45", "+7", "+18.4 %", "Exceeds MDC (2.7)", "Below MCID (6.5–12.5, acute)", "Chronic stroke · Chang 2021", "Balance"),
                new OutcomeRow("Timed Up and Go", "18.4 s", "13.9 s", "−4.5 s", "−24.5 %", "Exceeds MDC (3.2 s)", "No MCID published", "Chronic stroke · Chang 2021", "Mobility"),
                new OutcomeRow("10-Metre Walk Test, comfortable", "0.52 m/s", "0.73 m/s", "+0.21 m/s", "+40.4 %", "Exceeds MDC95 (0.15)", "Exceeds MCID (0.16)", "Subacute stroke · Lewek & Sykes 2019", "Gait speed"),
                new OutcomeRow("6-Minute Walk Test", "212 m", "251 m", "+39 m", "+18.4 %", "No MDC for this population", "Below MCID (44 m)", "Stroke, baseline < 0.4 m/s · Fulk & He 2018", "Endurance"),
            ],
            Charts =
            [
                Chart("Berg Balance Scale", "points", "0", [38, 41, 43, 45], baseline: 38, mdc: 2.7, [new ChartCutOff(45, "Fall risk, < 45 points", BandSide.Below)]),
                Chart("Timed Up and Go", "s", "0.0", [18.4, 16.2, 15.1, 13.9], baseline: 18.4, mdc: 3.2, [new ChartCutOff(15, "Fall risk after stroke, > 15 s", BandSide.Above)]),
                Chart("10-Metre Walk Test, comfortable", "m/s", "0.00", [0.52, 0.6, 0.66, 0.73], baseline: 0.52, mdc: 0.15,
                    [new ChartCutOff(0.4, "Household ambulator, < 0.4 m/s", BandSide.Below), new ChartCutOff(0.8, "Limited community ambulator, 0.4–0.8 m/s", BandSide.Below)]),
            ],
            AssessmentAndPlan = AssessmentText,
            Signature = new ReportSignature("Anna Kowalczyk, PT", new DateOnly(2025, 4, 30)),
            References = References,
        };
    }

    /// <summary>
    /// Sources the sample may cite: the first three appear in its outcome table, the last one nowhere,
    /// so the References section must leave it out.
    /// </summary>
    public static readonly IReadOnlyList<ReportReference> References =
    [
        new("Lewek & Sykes 2019", "Lewek MD, Sykes R. Minimal detectable change for gait speed depends on baseline speed in individuals with chronic stroke. J Neurol Phys Ther 2019;43(2):122–127. doi:10.1097/NPT.0000000000000257."),
        new("Chang 2021", "Chang KW, Lin CM, Yen CW, Yang CC, Tanaka T, Guo LY. The effect of walking backward on a treadmill on balance, speed of walking and cardiopulmonary fitness for patients with chronic stroke: a pilot study. Int J Environ Res Public Health 2021;18(5):2376. doi:10.3390/ijerph18052376. PMID 33804374."),
        new("Fulk & He 2018", "Fulk GD, He Y. Minimal clinically important difference of the 6-minute walk test in people with stroke. J Neurol Phys Ther 2018;42(4):235–240. doi:10.1097/NPT.0000000000000236. PMID 30138230."),
        new("Tilson 2012", "Tilson JK, Wu SS, Cen SY, et al. Characterizing and identifying risk for falls in the LEAPS study. Stroke 2012;43(2):446–452. doi:10.1161/STROKEAHA.111.636258."),
    ];

    /// <summary>A report whose date range holds no data at all.</summary>
    public static ProgressReport Empty(string patientName = "Jürgen Größmann") => Typical(patientName, 0) with
    {
        Programme = null,
        Adherence = null,
        Sessions = [],
        Outcomes = [],
        SummarySentences = [],
        Charts = [],
        AssessmentAndPlan = "",
    };

    public static IReadOnlyList<SessionRow> Sessions(int count)
    {
        var rows = new List<SessionRow>(count);
        var date = ProgrammeStart;
        for (var i = 0; i < count; i++)
        {
            var week = i / 3;
            var missed = i % 11 == 7;
            var speed = Math.Min(0.8 + 0.2 * (week / 2), 2.0);
            rows.Add(missed
                ? new SessionRow(date, "Missed", "—", "—", "—", "—", "Cancelled by patient: transport unavailable.")
                : new SessionRow(
                    date,
                    "Completed",
                    "30",
                    speed.ToString("0.0", CultureInfo.InvariantCulture) + " km/h",
                    week < 4 ? "0 %" : "2 %",
                    (11 + i % 3).ToString(CultureInfo.InvariantCulture),
                    i % 4 == 0
                        ? "Light touch on handrails throughout; cue to keep trunk upright. BP before 132/84, after 138/86. No pain."
                        : "Tolerated well."));
            // Monday, Wednesday, Friday.
            date = date.AddDays(date.DayOfWeek == DayOfWeek.Friday ? 3 : 2);
        }
        return rows;
    }

    private static TimeChart Chart(string title, string unit, string format, double[] values, double baseline, double mdc, ChartCutOff[] cutOffs)
    {
        string Text(double value) => $"{value.ToString(format, CultureInfo.InvariantCulture)} {unit}";
        return new TimeChart
        {
            Title = title,
            Unit = unit,
            Values = [.. values.Select((v, i) => new ChartValue(ProgrammeStart.AddDays(-2 + (i * 28)), v, Text(v)))],
            Baseline = new ChartReference(baseline, $"Baseline {Text(baseline)}"),
            MdcBand = new ChartBand(baseline - mdc, baseline + mdc, $"Baseline ± MDC {mdc.ToString(CultureInfo.InvariantCulture)} {unit}"),
            CutOffs = cutOffs,
            Markers = [new ChartMarker(ProgrammeStart, "Programme start"), new ChartMarker(ProgrammeStart.AddDays(82), "Programme end")],
            WeeklyMinutes = [.. Enumerable.Range(0, 12).Select(week => new ChartWeek(ProgrammeStart.AddDays(7 * week), week % 5 == 3 ? 60 : 90))],
        };
    }
}
