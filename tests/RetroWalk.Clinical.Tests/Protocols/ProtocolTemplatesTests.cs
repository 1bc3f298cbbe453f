using RetroWalk.Clinical.Evidence;
using RetroWalk.Clinical.Protocols;

namespace RetroWalk.Clinical.Tests.Protocols;

public class ProtocolTemplatesTests
{
    private static readonly string[] MeasureCatalogue =
        ["BBS", "TUG", "10MWT-C", "10MWT-F", "3MBWT", "BWS", "6MWT", "FGA", "ABC", "DGI", "FTSTS", "MINIBEST"];

    [Fact]
    public void SixTemplatesWithUniqueStableKeys()
    {
        Assert.Equal(6, ProtocolTemplates.All.Count);
        Assert.Equal(
            ["chronic-stroke-4wk", "subacute-stroke-8-sessions", "knee-oa-6wk", "knee-oa-ramp", "acl-incline-4wk", "chronic-stroke-bltt-2wk"],
            ProtocolTemplates.All.Select(t => t.Key));
    }

    [Fact]
    public void EveryTemplateHasFullReferencesFromTheBibliography()
    {
        foreach (var template in ProtocolTemplates.All)
        {
            var references = ProtocolTemplates.References(template.Key);
            Assert.NotEmpty(references);
            Assert.All(references, r => Assert.Contains(r, Bibliography.All));
        }
        Assert.Empty(ProtocolTemplates.References("unknown"));
    }

    [Fact]
    public void SpeedNoteNoLongerBorrowsAnUnrelatedTrialsEntryFloor()
    {
        foreach (var template in ProtocolTemplates.All)
        {
            Assert.DoesNotContain("entry floor", template.Description, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("lets the patient choose", template.Description, StringComparison.Ordinal);
            Assert.Contains("No cited trial fixes a starting speed", template.Description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ScreeningLimitsNameTheRegistrationTheyComeFrom()
    {
        Assert.Equal("NCT02710773", ProtocolTemplates.ScreeningSource.Registration);
        Assert.Contains("200/100", ProtocolTemplates.ScreeningSource.Measured, StringComparison.Ordinal);
        Assert.Equal(200, ProtocolTemplates.ChronicStroke4Weeks.Safety.Screening.MaxRestingSystolic);
    }

    [Fact]
    public void TemplatesUseOnlyCatalogueMeasureCodes()
    {
        foreach (var template in ProtocolTemplates.All)
        {
            Assert.Empty(ProtocolValidation.Validate(template, MeasureCatalogue));
        }
    }

    [Fact]
    public void TemplatesCarryCitationPopulationAndIndication()
    {
        foreach (var template in ProtocolTemplates.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(template.Source));
            Assert.False(string.IsNullOrWhiteSpace(template.Population));
            Assert.NotNull(template.Indication);
            Assert.Contains("default", template.Description, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void ChronicStrokeIs30MinutesThreeTimesAWeekForFourWeeks()
    {
        var t = ProtocolTemplates.ChronicStroke4Weeks;

        Assert.Equal(30m, t.Session.MainMinutes);
        Assert.Equal(3, t.Course.SessionsPerWeek);
        Assert.Equal(4, t.Course.Weeks);
        Assert.Equal(12, t.TotalSessions);
        Assert.Equal(Condition.ChronicStroke, t.Indication);
        Assert.Contains("18(5):2376", t.Source, StringComparison.Ordinal);
        Assert.Contains("small pilot trial (8 + 8 people analysed", t.Description, StringComparison.Ordinal);
        Assert.Equal(["BBS", "TUG", "10MWT-C", "6MWT"], t.Outcomes[0].MeasureCodes);
        Assert.Equal(AssessmentPoint.End, t.Outcomes[^1].Point);
    }

    [Fact]
    public void RoseTemplateIsEightFixedSessionsInAcuteStroke()
    {
        var t = ProtocolTemplates.SubacuteStroke8Sessions;

        Assert.Equal("Acute stroke, 8 sessions", t.Name);
        Assert.Contains("acute stroke", t.Population, StringComparison.Ordinal);
        Assert.Contains("about one week after onset", t.Description, StringComparison.Ordinal);
        Assert.Equal(8, t.Course.FixedSessionCount);
        Assert.Null(t.Course.Weeks);
        Assert.Equal(8, t.TotalSessions);
        Assert.Equal(["3MBWT", "ABC", "BBS"], t.Outcomes[0].MeasureCodes);
        Assert.Contains("5-metre walk", t.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void KneeOsteoarthritisIsTenMinutesAndMentionsMeasuresOutsideTheCatalogue()
    {
        var t = ProtocolTemplates.KneeOsteoarthritis6Weeks;

        Assert.Equal(10m, t.Session.MainMinutes);
        Assert.Equal(18, t.TotalSessions);
        Assert.Equal(["TUG"], t.Outcomes[0].MeasureCodes);
        Assert.Contains("WOMAC", t.Description, StringComparison.Ordinal);
        Assert.Contains("NRS", t.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void KneeOsteoarthritisRampGoesFrom10To30Minutes()
    {
        var ramp = Assert.IsType<DurationRamp>(ProtocolTemplates.KneeOsteoarthritisRamp.Progression);

        Assert.Equal(10m, ramp.StartMinutes);
        Assert.Equal(30m, ramp.TargetMinutes);
        Assert.StartsWith("Based on trial protocols; no published results.", ProtocolTemplates.KneeOsteoarthritisRamp.Description, StringComparison.Ordinal);
        Assert.Contains("lower-body-positive-pressure", ProtocolTemplates.KneeOsteoarthritisRamp.Description, StringComparison.Ordinal);
        Assert.Contains("no published results", ProtocolTemplates.KneeOsteoarthritisRamp.Source, StringComparison.Ordinal);
        Assert.Equal(["3MBWT", "FTSTS", "TUG", "10MWT-C", "6MWT"], ProtocolTemplates.KneeOsteoarthritisRamp.Outcomes[0].MeasureCodes);
    }

    [Fact]
    public void AclTemplateDescribesTheTrialsFixedInclinesAndCallsItsStepsADefault()
    {
        var t = ProtocolTemplates.AclReconstructionIncline;

        Assert.Contains("one fixed treadmill angle for the whole 4 weeks (0°, 5°, 10° or 15°)", t.Description, StringComparison.Ordinal);
        Assert.Contains("10° and 15° improved knee angle reproduction more than level walking, and 5° did not", t.Description, StringComparison.Ordinal);
        Assert.Contains("a default, not a trial arm", t.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("between 0° and 15°", t.Description, StringComparison.Ordinal);
        Assert.IsType<InclineStepPerWeek>(t.Progression);
        Assert.Equal(15m, t.Treadmill.MaxIncline);
        Assert.Equal(InclineUnit.Degrees, t.Treadmill.InclineUnit);
        Assert.Empty(t.Outcomes);
        Assert.Contains("proprioception", t.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void TemplatesStartAtAConservativeDefaultSpeed()
    {
        foreach (var template in ProtocolTemplates.All)
        {
            Assert.Equal(1.0m, template.Treadmill.StartSpeedKmh);
            Assert.Contains("1.0 km/h", template.Description, StringComparison.Ordinal);
            Assert.Contains("conservative default", template.Description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void BlttTemplateIsSixSessionsThreeAWeekOverTwoWeeksInChronicStroke()
    {
        var t = ProtocolTemplates.ChronicStrokeBltt;

        Assert.Equal(Condition.ChronicStroke, t.Indication);
        Assert.Equal(3, t.Course.SessionsPerWeek);
        Assert.Equal(2, t.Course.Weeks);
        Assert.Equal(6, t.TotalSessions);
        Assert.Equal(30m, t.Session.MainMinutes);
        Assert.IsType<NoProgression>(t.Progression);
        Assert.Contains("more than 6 months after stroke", t.Population, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Front Neurol 2022;13:800757", t.Source, StringComparison.Ordinal);
        Assert.Contains("Neither paper's reachable text states a speed-progression rule", t.Description, StringComparison.Ordinal);
        Assert.Contains("nine 30-minute sessions over 3 weeks", t.Description, StringComparison.Ordinal);
        Assert.Equal(["10MWT-C", "3MBWT"], t.Outcomes[0].MeasureCodes);

        var paper = ProtocolTemplates.References(t.Key)[0];
        Assert.Equal("10.3389/fneur.2022.800757", paper.Doi);
        Assert.Equal("35359661", paper.Pmid);
    }

    [Fact]
    public void FindReturnsTemplateByKey()
    {
        Assert.Same(ProtocolTemplates.KneeOsteoarthritisRamp, ProtocolTemplates.Find("knee-oa-ramp"));
        Assert.Null(ProtocolTemplates.Find("unknown"));
    }
}
