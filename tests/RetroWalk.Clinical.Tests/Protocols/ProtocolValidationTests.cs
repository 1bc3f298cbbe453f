using RetroWalk.Clinical.Protocols;

namespace RetroWalk.Clinical.Tests.Protocols;

public class ProtocolValidationTests
{
    private static readonly ProtocolDefinition Valid = ProtocolTemplates.ChronicStroke4Weeks;

    private static IReadOnlyList<string> FieldsOf(ProtocolDefinition protocol) =>
        [.. ProtocolValidation.Validate(protocol).Select(e => e.Field)];

    [Fact]
    public void EveryTemplateIsValid()
    {
        foreach (var template in ProtocolTemplates.All)
        {
            Assert.Empty(ProtocolValidation.Validate(template));
        }
    }

    [Fact]
    public void FieldKeysAreDottedPropertyPaths()
    {
        Assert.Equal("Treadmill.MaxSpeedKmh", ProtocolFields.MaxSpeedKmh);
        Assert.Equal("Session.MainMinutes", ProtocolFields.MainMinutes);
        Assert.Equal("Progression.TargetMinutes", ProtocolFields.RampTargetMinutes);
        Assert.Equal("Outcomes[2].Week", ProtocolFields.OutcomeWeek(2));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void EmptyNameIsRejected(string name) =>
        Assert.Equal([ProtocolFields.Name], FieldsOf(Valid with { Name = name }));

    [Theory]
    [InlineData(0, false)]
    [InlineData(0.5, false)]
    [InlineData(1, true)]
    [InlineData(120, true)]
    [InlineData(121, false)]
    public void MainMinutesMustBe1To120(double minutes, bool valid)
    {
        var protocol = Valid with { Session = Valid.Session with { MainMinutes = (decimal)minutes } };
        Assert.Equal(valid, !FieldsOf(protocol).Contains(ProtocolFields.MainMinutes));
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(120, true)]
    [InlineData(121, false)]
    public void WarmUpAndCoolDownMayBeZeroUpTo120(double minutes, bool valid)
    {
        var protocol = Valid with { Session = Valid.Session with { WarmUpMinutes = (decimal)minutes, CoolDownMinutes = (decimal)minutes } };
        var fields = FieldsOf(protocol);
        Assert.Equal(valid, !fields.Contains(ProtocolFields.WarmUpMinutes));
        Assert.Equal(valid, !fields.Contains(ProtocolFields.CoolDownMinutes));
    }

    [Fact]
    public void RestBetweenBoutsNeedsTwoBouts()
    {
        var oneBout = Valid with { Session = Valid.Session with { Bouts = 1, RestBetweenBoutsMinutes = 2m } };
        var threeBouts = Valid with { Session = Valid.Session with { Bouts = 3, RestBetweenBoutsMinutes = 2m } };

        Assert.Contains(ProtocolFields.RestBetweenBoutsMinutes, FieldsOf(oneBout));
        Assert.Empty(FieldsOf(threeBouts));
    }

    [Theory]
    [InlineData(0.09, false)]
    [InlineData(0.1, true)]
    [InlineData(10, true)]
    [InlineData(10.01, false)]
    public void SpeedsMustBeBetween0Point1And10Kmh(double kmh, bool valid)
    {
        var speed = (decimal)kmh;
        var protocol = Valid with { Treadmill = Valid.Treadmill with { MinSpeedKmh = speed, StartSpeedKmh = speed, MaxSpeedKmh = speed } };
        var fields = FieldsOf(protocol);
        Assert.Equal(valid, !fields.Contains(ProtocolFields.MinSpeedKmh));
        Assert.Equal(valid, !fields.Contains(ProtocolFields.MaxSpeedKmh));
        Assert.Equal(valid, !fields.Contains(ProtocolFields.StartSpeedKmh));
    }

    [Fact]
    public void MinimumSpeedAboveMaximumIsRejected()
    {
        var protocol = Valid with { Treadmill = Valid.Treadmill with { MinSpeedKmh = 2.5m, StartSpeedKmh = 2.5m, MaxSpeedKmh = 2.0m } };
        var errors = ProtocolValidation.Validate(protocol);

        var error = Assert.Single(errors);
        Assert.Equal(ProtocolFields.MinSpeedKmh, error.Field);
        Assert.Contains("above the maximum", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.2, false)]
    [InlineData(0.3, true)]
    [InlineData(2.0, true)]
    [InlineData(2.1, false)]
    public void StartSpeedMustBeBetweenMinimumAndMaximum(double start, bool valid)
    {
        var protocol = Valid with { Treadmill = Valid.Treadmill with { StartSpeedKmh = (decimal)start } };
        Assert.Equal(valid, !FieldsOf(protocol).Contains(ProtocolFields.StartSpeedKmh));
    }

    [Fact]
    public void SpeedMessagesUseTheUnitTheTherapistEntersSpeedsIn()
    {
        var protocol = Valid with
        {
            Treadmill = Valid.Treadmill with { DisplaySpeedUnit = SpeedUnit.MetresPerSecond, MaxSpeedKmh = 11m, StartSpeedKmh = 2.5m },
            Progression = new SpeedStepPerWeek(3m),
        };
        var byField = ProtocolValidation.Validate(protocol).ByField();

        Assert.Equal("Maximum speed must be between 0.03 m/s and 2.78 m/s.", byField[ProtocolFields.MaxSpeedKmh].Single());
        Assert.Equal("Speed step must be above 0 and at most 0.56 m/s.", byField[ProtocolFields.SpeedStep].Single());
        var inRange = Valid with { Treadmill = Valid.Treadmill with { DisplaySpeedUnit = SpeedUnit.MetresPerSecond, StartSpeedKmh = 2.5m } };
        Assert.Equal("Start speed must be between the minimum (0.08 m/s) and maximum (0.56 m/s) speed.",
            ProtocolValidation.Validate(inRange).Single().Message);
    }

    [Theory]
    [InlineData(InclineUnit.Degrees, 15, true)]
    [InlineData(InclineUnit.Degrees, 15.1, false)]
    [InlineData(InclineUnit.Percent, 26.79, true)]
    [InlineData(InclineUnit.Percent, 26.8, false)]
    [InlineData(InclineUnit.Degrees, -1, false)]
    public void InclineMustBeWithin15DegreesOrItsPercent(InclineUnit unit, double incline, bool valid)
    {
        var value = (decimal)incline;
        var protocol = Valid with { Treadmill = Valid.Treadmill with { InclineUnit = unit, Incline = value, MaxIncline = value } };
        var fields = FieldsOf(protocol);
        Assert.Equal(valid, !fields.Contains(ProtocolFields.Incline));
        Assert.Equal(valid, !fields.Contains(ProtocolFields.MaxIncline));
    }

    [Fact]
    public void InclineAboveItsMaximumIsRejected()
    {
        var protocol = Valid with { Treadmill = Valid.Treadmill with { Incline = 5m, MaxIncline = 3m } };
        Assert.Equal([ProtocolFields.Incline], FieldsOf(protocol));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(7, true)]
    [InlineData(8, false)]
    public void SessionsPerWeekMustBe1To7(int perWeek, bool valid)
    {
        var protocol = Valid with { Course = Valid.Course with { SessionsPerWeek = perWeek } };
        Assert.Equal(valid, !FieldsOf(protocol).Contains(ProtocolFields.SessionsPerWeek));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(12, true)]
    [InlineData(13, false)]
    public void WeeksMustBe2To12(int weeks, bool valid)
    {
        var protocol = Valid with { Course = Valid.Course with { Weeks = weeks } };
        Assert.Equal(valid, !FieldsOf(protocol).Contains(ProtocolFields.Weeks));
    }

    [Theory]
    [InlineData(5, false)]
    [InlineData(6, true)]
    [InlineData(24, true)]
    [InlineData(25, false)]
    public void FixedSessionCountMustBe6To24(int count, bool valid)
    {
        var protocol = Valid with { Course = new CoursePlan { SessionsPerWeek = 3, Weeks = null, FixedSessionCount = count } };
        Assert.Equal(valid, !FieldsOf(protocol).Contains(ProtocolFields.FixedSessionCount));
    }

    [Fact]
    public void CourseNeedsWeeksOrFixedCountButNotBoth()
    {
        Assert.Contains(ProtocolFields.Weeks, FieldsOf(Valid with { Course = new CoursePlan { Weeks = null, FixedSessionCount = null } }));
        Assert.Contains(ProtocolFields.FixedSessionCount, FieldsOf(Valid with { Course = new CoursePlan { Weeks = 4, FixedSessionCount = 8 } }));
    }

    [Theory]
    [InlineData(RpeScale.Borg6To20, 6, 20, true)]
    [InlineData(RpeScale.Borg6To20, 5, 13, false)]
    [InlineData(RpeScale.Borg6To20, 11, 21, false)]
    [InlineData(RpeScale.Cr10, 2, 4, true)]
    [InlineData(RpeScale.Cr10, 0, 10, true)]
    [InlineData(RpeScale.Cr10, 11, 13, false)]
    public void RpeTargetsMustBeOnTheirScale(RpeScale scale, double min, double max, bool valid)
    {
        var protocol = Valid with { Intensity = Valid.Intensity with { RpeScale = scale, RpeMin = (decimal)min, RpeMax = (decimal)max } };
        var fields = FieldsOf(protocol);
        Assert.Equal(valid, !fields.Contains(ProtocolFields.RpeMin) && !fields.Contains(ProtocolFields.RpeMax));
    }

    [Fact]
    public void RpeMinimumAboveMaximumIsRejected()
    {
        var protocol = Valid with { Intensity = Valid.Intensity with { RpeMin = 14m, RpeMax = 12m } };
        Assert.Equal([ProtocolFields.RpeMin], FieldsOf(protocol));
    }

    [Theory]
    [InlineData(19, 60, false)]
    [InlineData(20, 90, true)]
    [InlineData(40, 91, false)]
    [InlineData(60, 40, false)]
    public void HeartRateReserveMustBe20To90WithMinNotAboveMax(double min, double max, bool valid)
    {
        var protocol = Valid with { Intensity = Valid.Intensity with { HeartRateReserveMinPercent = (decimal)min, HeartRateReserveMaxPercent = (decimal)max } };
        var fields = FieldsOf(protocol);
        Assert.Equal(valid, !fields.Contains(ProtocolFields.HeartRateReserveMinPercent) && !fields.Contains(ProtocolFields.HeartRateReserveMaxPercent));
    }

    [Fact]
    public void HeartRateZoneIsOptionalButNeedsBothEnds()
    {
        Assert.Empty(FieldsOf(Valid with { Intensity = Valid.Intensity with { HeartRateReserveMinPercent = null, HeartRateReserveMaxPercent = null } }));
        Assert.Equal([ProtocolFields.HeartRateReserveMaxPercent],
            FieldsOf(Valid with { Intensity = Valid.Intensity with { HeartRateReserveMaxPercent = null } }));
    }

    [Fact]
    public void RampStartAboveTargetIsRejected()
    {
        var protocol = ProtocolTemplates.KneeOsteoarthritisRamp with { Progression = new DurationRamp(35m, 30m, 5m, RampInterval.Week) };
        Assert.Equal([ProtocolFields.RampStartMinutes], FieldsOf(protocol));
    }

    [Fact]
    public void RampTargetMustEqualMainMinutes()
    {
        var protocol = ProtocolTemplates.KneeOsteoarthritisRamp with { Progression = new DurationRamp(10m, 25m, 5m, RampInterval.Week) };
        Assert.Equal([ProtocolFields.RampTargetMinutes], FieldsOf(protocol));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(0.1, true)]
    [InlineData(2, true)]
    [InlineData(2.1, false)]
    public void SpeedStepMustBePositiveAndAtMost2Kmh(double step, bool valid)
    {
        Assert.Equal(valid, !FieldsOf(Valid with { Progression = new SpeedStepPerWeek((decimal)step) }).Contains(ProtocolFields.SpeedStep));
        Assert.Equal(valid, !FieldsOf(Valid with { Progression = new SpeedStepAfterTolerated((decimal)step) }).Contains(ProtocolFields.SpeedStep));
    }

    [Fact]
    public void InclineProgressionNeedsRoomAboveTheStart()
    {
        var protocol = ProtocolTemplates.AclReconstructionIncline with { Treadmill = ProtocolTemplates.AclReconstructionIncline.Treadmill with { MaxIncline = 0m } };
        Assert.Equal([ProtocolFields.MaxIncline], FieldsOf(protocol));
    }

    [Fact]
    public void InterimAssessmentWeekMustFallInsideTheCourse()
    {
        IReadOnlyList<OutcomeAssessment> plan = [new(AssessmentPoint.Baseline, null, ["BBS"]), new(AssessmentPoint.Interim, 4, ["BBS"])];
        Assert.Equal([ProtocolFields.OutcomeWeek(1)], FieldsOf(Valid with { Outcomes = plan }));

        IReadOnlyList<OutcomeAssessment> inside = [new(AssessmentPoint.Interim, 2, ["BBS"]), new(AssessmentPoint.FollowUp, 12, ["BBS"])];
        Assert.Empty(FieldsOf(Valid with { Outcomes = inside }));
    }

    [Fact]
    public void AssessmentNeedsMeasuresAndKnownCodesWhenACatalogueIsGiven()
    {
        IReadOnlyList<OutcomeAssessment> empty = [new(AssessmentPoint.End, null, [])];
        Assert.Equal([ProtocolFields.OutcomeMeasureCodes(0)], FieldsOf(Valid with { Outcomes = empty }));

        IReadOnlyList<OutcomeAssessment> unknown = [new(AssessmentPoint.End, null, ["BBS", "WOMAC"])];
        var errors = ProtocolValidation.Validate(Valid with { Outcomes = unknown }, ["BBS", "TUG"]);
        var error = Assert.Single(errors);
        Assert.Contains("WOMAC", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MoreSessionsPerWeekThanTrainingDaysIsRejectedOnAssignment()
    {
        var errors = ProtocolValidation.ValidateTrainingDays(Valid.Course, [DayOfWeek.Monday, DayOfWeek.Thursday]);

        var error = Assert.Single(errors);
        Assert.Equal(ProtocolFields.TrainingDays, error.Field);
        Assert.Contains("3 sessions a week but only 2 training days", error.Message, StringComparison.Ordinal);
        Assert.Empty(ProtocolValidation.ValidateTrainingDays(Valid.Course, [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday]));
    }

    [Fact]
    public void ErrorsGroupByField()
    {
        var protocol = Valid with { Name = "", Intensity = Valid.Intensity with { RpeMin = 5m, RpeMax = 4m } };
        var byField = ProtocolValidation.Validate(protocol).ByField();

        Assert.True(byField.ContainsKey(ProtocolFields.Name));
        Assert.Equal(2, byField[ProtocolFields.RpeMin].Length + byField[ProtocolFields.RpeMax].Length);
    }
}
