using RetroWalk.Clinical.Protocols;

namespace RetroWalk.Clinical.Tests.Protocols;

public class ProtocolTemplatesTests
{
    private static readonly string[] MeasureCatalogue =
        ["BBS", "TUG", "10MWT-C", "10MWT-F", "3MBWT", "BWS", "6MWT", "FGA", "ABC", "DGI", "FTSTS", "MINIBEST"];

    [Fact]
    public void FiveTemplatesWithUniqueStableKeys()
    {
        Assert.Equal(5, ProtocolTemplates.All.Count);
        Assert.Equal(
            ["chronic-stroke-4wk", "subacute-stroke-8-sessions", "knee-oa-6wk", "knee-oa-ramp", "acl-incline-4wk"],
            ProtocolTemplates.All.Select(t => t.Key));
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
        Assert.Equal(["BBS", "TUG", "10MWT-C", "6MWT"], t.Outcomes[0].MeasureCodes);
        Assert.Equal(AssessmentPoint.End, t.Outcomes[^1].Point);
    }

    [Fact]
    public void SubacuteStrokeIsEightFixedSessions()
    {
        var t = ProtocolTemplates.SubacuteStroke8Sessions;

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
        Assert.Equal(["3MBWT", "FTSTS", "TUG", "10MWT-C", "6MWT"], ProtocolTemplates.KneeOsteoarthritisRamp.Outcomes[0].MeasureCodes);
    }

    [Fact]
    public void AclTemplateClimbsToFifteenDegrees()
    {
        var t = ProtocolTemplates.AclReconstructionIncline;

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
    public void FindReturnsTemplateByKey()
    {
        Assert.Same(ProtocolTemplates.KneeOsteoarthritisRamp, ProtocolTemplates.Find("knee-oa-ramp"));
        Assert.Null(ProtocolTemplates.Find("unknown"));
    }
}
