using RetroWalk.Clinical.Protocols;

namespace RetroWalk.Clinical.Tests.Protocols;

public class ProtocolSummaryTests
{
    [Fact]
    public void WeeklyCourseSummary() =>
        Assert.Equal("30 min · 3×/week · 4 weeks · 12 sessions", ProtocolSummary.Line(ProtocolTemplates.ChronicStroke4Weeks));

    [Fact]
    public void FixedCountSummary() =>
        Assert.Equal("30 min · 8 sessions", ProtocolSummary.Line(ProtocolTemplates.SubacuteStroke8Sessions));

    [Fact]
    public void RampSummary() =>
        Assert.Equal("10→30 min · 3×/week · 6 weeks · 18 sessions", ProtocolSummary.Line(ProtocolTemplates.KneeOsteoarthritisRamp));

    [Fact]
    public void BoutsShowInTheSummary()
    {
        var t = ProtocolTemplates.ChronicStroke4Weeks;
        var bouts = t with { Session = t.Session with { Bouts = 3, RestBetweenBoutsMinutes = 2m } };

        Assert.Equal("30 min (3 bouts) · 3×/week · 4 weeks · 12 sessions", ProtocolSummary.Line(bouts));
    }

    [Fact]
    public void ProgressionInWords()
    {
        Assert.Equal("+0.2 km/h per week up to 2.0 km/h", ProtocolSummary.Progression(ProtocolTemplates.ChronicStroke4Weeks));
        Assert.Equal("+5.0° incline per week up to 15.0°", ProtocolSummary.Progression(ProtocolTemplates.AclReconstructionIncline));
        Assert.Equal("No progression", ProtocolSummary.Progression(ProtocolTemplates.KneeOsteoarthritis6Weeks));
    }

    [Fact]
    public void AssessmentLabels()
    {
        Assert.Equal("Interim, week 2", new OutcomeAssessment(AssessmentPoint.Interim, 2, ["BBS"]).Label());
        Assert.Equal("Follow-up, 12 weeks after the end", new OutcomeAssessment(AssessmentPoint.FollowUp, 12, ["BBS"]).Label());
    }
}
