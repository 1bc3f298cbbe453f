using RetroWalk.Clinical.Protocols;
using RetroWalk.Clinical.Sessions;

namespace RetroWalk.Clinical.Tests.Sessions;

public class SessionValidationTests
{
    private static readonly DateOnly Start = new(2025, 3, 3);
    private static readonly DateOnly Today = new(2025, 3, 17);

    private static readonly SessionOutcome Valid = new()
    {
        Sequence = 6,
        Date = new DateOnly(2025, 3, 14),
        Status = SessionStatus.Completed,
        PlannedMainMinutes = 30m,
        WarmUpMinutes = 5m,
        MainMinutes = 30m,
        CoolDownMinutes = 5m,
        SpeedKmh = 1.2m,
        Rpe = 12m,
        RestingHeartRate = 70,
        PeakHeartRate = 115,
        RestingSystolic = 135,
        RestingDiastolic = 85,
        PainBefore = 2m,
        PainAfter = 2m,
    };

    private static IReadOnlyList<string> FieldsOf(SessionOutcome session, RpeScale scale = RpeScale.Borg6To20) =>
        [.. SessionValidation.Validate(session, scale, Start, Today).Select(e => e.Field)];

    [Fact]
    public void PlausibleRecordHasNoErrors() => Assert.Empty(FieldsOf(Valid));

    [Fact]
    public void ADateBeforeTheProgrammeNamesTheStartAsTheClinicWritesDatesNeverAsIso()
    {
        var early = Valid with { Date = new DateOnly(2025, 3, 1) };

        Assert.Equal("The session date is before the programme start (Mon 3 Mar 2025).",
            SessionValidation.Validate(early, RpeScale.Borg6To20, Start, Today).Single().Message);
        Assert.Equal("The session date is before the programme start (03/03/2025).",
            SessionValidation.Validate(early, RpeScale.Borg6To20, Start, Today,
                date => date.ToString("dd'/'MM'/'yyyy", System.Globalization.CultureInfo.InvariantCulture)).Single().Message);
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(180, true)]
    [InlineData(181, false)]
    public void MinutesMustBe0To180(double minutes, bool valid) =>
        Assert.Equal(valid, !FieldsOf(Valid with { MainMinutes = (decimal)minutes }).Contains(nameof(SessionOutcome.MainMinutes)));

    [Theory]
    [InlineData(RpeScale.Borg6To20, 5, false)]
    [InlineData(RpeScale.Borg6To20, 6, true)]
    [InlineData(RpeScale.Borg6To20, 20, true)]
    [InlineData(RpeScale.Borg6To20, 21, false)]
    [InlineData(RpeScale.Cr10, 0, true)]
    [InlineData(RpeScale.Cr10, 10, true)]
    [InlineData(RpeScale.Cr10, 12, false)]
    public void RpeMustBeOnTheProtocolScale(RpeScale scale, double rpe, bool valid) =>
        Assert.Equal(valid, !FieldsOf(Valid with { Rpe = (decimal)rpe }, scale).Contains(nameof(SessionOutcome.Rpe)));

    [Theory]
    [InlineData(29, false)]
    [InlineData(30, true)]
    [InlineData(230, true)]
    [InlineData(231, false)]
    public void HeartRateMustBe30To230(int heartRate, bool valid) =>
        Assert.Equal(valid, !FieldsOf(Valid with { PeakHeartRate = heartRate }).Contains(nameof(SessionOutcome.PeakHeartRate)));

    [Theory]
    [InlineData(59, false)]
    [InlineData(60, true)]
    [InlineData(300, true)]
    [InlineData(301, false)]
    public void SystolicMustBe60To300(int systolic, bool valid) =>
        Assert.Equal(valid, !FieldsOf(Valid with { RestingSystolic = systolic, RestingDiastolic = 40 }).Contains(nameof(SessionOutcome.RestingSystolic)));

    [Theory]
    [InlineData(29, false)]
    [InlineData(30, true)]
    [InlineData(200, true)]
    [InlineData(201, false)]
    public void DiastolicMustBe30To200(int diastolic, bool valid) =>
        Assert.Equal(valid, !FieldsOf(Valid with { RestingSystolic = 250, RestingDiastolic = diastolic }).Contains(nameof(SessionOutcome.RestingDiastolic)));

    [Fact]
    public void SystolicMustBeAboveDiastolic()
    {
        var errors = SessionValidation.Validate(Valid with { PeakSystolic = 90, PeakDiastolic = 90 }, RpeScale.Borg6To20, Start, Today);

        var error = Assert.Single(errors);
        Assert.Equal(nameof(SessionOutcome.PeakSystolic), error.Field);
        Assert.Equal("Systolic BP must be above diastolic BP.", error.Message);
    }

    [Theory]
    [InlineData(-0.5, false)]
    [InlineData(0, true)]
    [InlineData(10, true)]
    [InlineData(10.5, false)]
    public void PainMustBe0To10(double pain, bool valid) =>
        Assert.Equal(valid, !FieldsOf(Valid with { PainAfter = (decimal)pain }).Contains(nameof(SessionOutcome.PainAfter)));

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(17, true)]
    [InlineData(18, false)]
    public void DateMustBeBetweenProgrammeStartAndToday(int day, bool valid) =>
        Assert.Equal(valid, !FieldsOf(Valid with { Date = new DateOnly(2025, 3, day) }).Contains(nameof(SessionOutcome.Date)));

    [Fact]
    public void MissedSessionCannotHaveWalkingMinutes() =>
        Assert.Equal([nameof(SessionOutcome.MainMinutes)], FieldsOf(Valid with { Status = SessionStatus.Missed }));
}
