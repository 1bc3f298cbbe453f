using RetroWalk.Clinical.Protocols;
using RetroWalk.Clinical.Sessions;

namespace RetroWalk.Clinical.Tests.Sessions;

public class SafetyChecksTests
{
    private static readonly StopLimits Stop = new();
    private static readonly ScreeningLimits Screening = new();

    [Fact]
    public void SystolicExactlyAtTheStopLimitDoesNotStop() =>
        Assert.False(SafetyChecks.CheckStop(new InSessionReadings(250, 90, 120, 2m), Stop).MustStop);

    [Fact]
    public void SystolicOneAboveTheStopLimitStops()
    {
        var result = SafetyChecks.CheckStop(new InSessionReadings(251, 90, 120, 2m), Stop);

        Assert.True(result.MustStop);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(nameof(InSessionReadings.Systolic), finding.Field);
        Assert.Equal("Systolic BP 251 mmHg is above the stop limit of 250 mmHg: stop the session.", finding.Message);
    }

    [Fact]
    public void SystolicStopMessageReadsClearly() =>
        Assert.Equal(
            "Systolic BP 260 mmHg is above the stop limit of 250 mmHg: stop the session.",
            SafetyChecks.CheckStop(new InSessionReadings(260, null, null, null), Stop).Findings[0].Message);

    [Theory]
    [InlineData(115, false)]
    [InlineData(116, true)]
    public void DiastolicStopsAbove115(int diastolic, bool stops) =>
        Assert.Equal(stops, SafetyChecks.CheckStop(new InSessionReadings(180, diastolic, null, null), Stop).MustStop);

    [Fact]
    public void HeartRateStopsOnlyWhenALimitIsSet()
    {
        var reading = new InSessionReadings(null, null, 150, null);

        Assert.False(SafetyChecks.CheckStop(reading, Stop).MustStop);
        Assert.True(SafetyChecks.CheckStop(reading, Stop with { MaxHeartRate = 140 }).MustStop);
        Assert.False(SafetyChecks.CheckStop(reading, Stop with { MaxHeartRate = 150 }).MustStop);
    }

    [Theory]
    [InlineData(7, false)]
    [InlineData(8, true)]
    public void PainAboveTheLimitStops(double pain, bool stops) =>
        Assert.Equal(stops, SafetyChecks.CheckStop(new InSessionReadings(null, null, null, (decimal)pain), Stop).MustStop);

    [Fact]
    public void EveryTickedSignStopsTheSession()
    {
        var reading = new InSessionReadings(140, 80, 110, 1m) { Signs = [StopSign.PatientAsksToStop, StopSign.AtaxiaVertigoOrConfusion] };

        var result = SafetyChecks.CheckStop(reading, Stop);

        Assert.True(result.MustStop);
        Assert.Equal(
            ["Ataxia, vertigo or confusion: stop the session.", "Patient asks to stop: stop the session."],
            result.Findings.Select(f => f.Message));
    }

    [Fact]
    public void ChecklistHoldsTheSixAcsmSigns()
    {
        Assert.Equal(6, SafetyChecks.StopChecklist.Count);
        Assert.All(SafetyChecks.StopChecklist, s => Assert.False(string.IsNullOrWhiteSpace(s.Display())));
    }

    [Fact]
    public void NormalReadingsLetTheSessionGoAhead()
    {
        var result = SafetyChecks.Screen(new ScreeningReadings(140, 85, 72, 2m), Screening);

        Assert.True(result.SessionMayGoAhead);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void RestingBloodPressureExactlyAt200Over100IsAllowed() =>
        Assert.True(SafetyChecks.Screen(new ScreeningReadings(200, 100, 72, null), Screening).SessionMayGoAhead);

    [Fact]
    public void RestingSystolicOver200MeansNoSessionToday()
    {
        var result = SafetyChecks.Screen(new ScreeningReadings(201, 90, 72, null), Screening);

        Assert.False(result.SessionMayGoAhead);
        Assert.Equal("Resting systolic BP 201 mmHg is above the limit of 200 mmHg: no session today.", Assert.Single(result.Findings).Message);
    }

    [Fact]
    public void RestingDiastolicOver100MeansNoSessionToday()
    {
        var result = SafetyChecks.Screen(new ScreeningReadings(160, 101, 72, null), Screening);

        Assert.False(result.SessionMayGoAhead);
        Assert.Equal(nameof(ScreeningReadings.RestingDiastolic), Assert.Single(result.Findings).Field);
    }

    [Theory]
    [InlineData(39, false)]
    [InlineData(40, true)]
    [InlineData(120, true)]
    [InlineData(121, false)]
    public void RestingHeartRateMustBeInRange(int heartRate, bool goes) =>
        Assert.Equal(goes, SafetyChecks.Screen(new ScreeningReadings(130, 80, heartRate, null), Screening).SessionMayGoAhead);

    [Theory]
    [InlineData(7, true)]
    [InlineData(7.5, false)]
    public void PainAboveTheScreeningLimitMeansNoSession(double pain, bool goes) =>
        Assert.Equal(goes, SafetyChecks.Screen(new ScreeningReadings(130, 80, 70, (decimal)pain), Screening).SessionMayGoAhead);

    [Fact]
    public void MissingBloodPressureIsANoticeNotABlock()
    {
        var result = SafetyChecks.Screen(new ScreeningReadings(null, null, 70, null), Screening);

        Assert.True(result.SessionMayGoAhead);
        Assert.False(Assert.Single(result.Findings).Blocking);
    }
}
