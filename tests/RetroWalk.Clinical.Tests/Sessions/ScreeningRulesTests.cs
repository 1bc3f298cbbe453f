using RetroWalk.Clinical.Protocols;
using RetroWalk.Clinical.Sessions;

namespace RetroWalk.Clinical.Tests.Sessions;

public class ScreeningRulesTests
{
    private static readonly ScreeningLimits Limits = new();

    private static ScreeningResult Screen(int? heartRate, int? systolic = 130, int? diastolic = 80, decimal? pain = null) =>
        ScreeningRules.Screen(new ScreeningReadings(systolic, diastolic, heartRate, pain), Limits);

    [Fact]
    public void ARestingHeartRateOf72PassesAnd7FailsBesideTheHeartRate()
    {
        Assert.Null(Screen(72).FailedCheck(nameof(ScreeningReadings.RestingHeartRate)));

        var failed = Screen(7).FailedCheck(nameof(ScreeningReadings.RestingHeartRate));

        Assert.NotNull(failed);
        Assert.Equal("Resting heart rate 7 bpm is below the limit of 40 bpm: no session today.", failed.Message);
        Assert.Null(Screen(7).FailedCheck(nameof(ScreeningReadings.RestingSystolic)));
    }

    [Fact]
    public void AMissingBloodPressureIsANoticeNotAFailedCheck()
    {
        var result = Screen(72, systolic: null, diastolic: null);

        Assert.Null(result.FailedCheck(nameof(ScreeningReadings.RestingSystolic)));
        Assert.True(result.Allows(SessionStatus.Completed));
    }

    [Theory]
    [InlineData(SessionStatus.Completed, false)]
    [InlineData(SessionStatus.Partial, false)]
    [InlineData(SessionStatus.CancelledByClinic, true)]
    [InlineData(SessionStatus.CancelledByPatient, true)]
    [InlineData(SessionStatus.Missed, true)]
    public void AfterAFailedScreeningOnlyANotDoneStatusCanBeRecorded(SessionStatus status, bool allowed)
    {
        var failed = Screen(130);

        Assert.Equal(allowed, failed.Allows(status));
        Assert.Equal(allowed, failed.Refusal(status) is null);
        Assert.True(Screen(72).Allows(status));
    }

    [Fact]
    public void TheRefusalNamesTheStatusAndTheChoiceToMake() =>
        Assert.Equal(
            "The pre-session screening failed, so the session cannot be recorded as completed: choose “Not done: screening failed” or correct the reading.",
            Screen(130).Refusal(SessionStatus.Completed));

    [Theory]
    [InlineData(SessionStatus.Completed, SessionStatus.CancelledByClinic)]
    [InlineData(SessionStatus.Partial, SessionStatus.CancelledByClinic)]
    [InlineData(SessionStatus.CancelledByPatient, SessionStatus.CancelledByPatient)]
    [InlineData(SessionStatus.Missed, SessionStatus.Missed)]
    public void ChoosingNotDoneRecordsACancellationByTheClinicUnlessANotDoneStatusIsAlreadyChosen(SessionStatus current, SessionStatus expected) =>
        Assert.Equal(expected, ScreeningRules.NotDone(current));
}
