using RetroWalk.Clinical.Measures;

namespace RetroWalk.Clinical.Tests.Measures;

public class MeasureValidationTests
{
    [Fact]
    public void BergAbove56IsRejectedWithAFieldMessage() =>
        Assert.Equal("Berg Balance Scale must be between 0 and 56 points.", MeasureValidation.Validate("BBS", 57));

    [Fact]
    public void NegativeBergIsRejected() =>
        Assert.Equal("Berg Balance Scale must be between 0 and 56 points.", MeasureValidation.Validate("BBS", -1));

    [Fact]
    public void FractionalBergIsRejected() =>
        Assert.Equal("Berg Balance Scale must be a whole number of points.", MeasureValidation.Validate("BBS", 44.5m));

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(300.1)]
    public void TugTimeMustBePositiveAndAtMost300Seconds(double seconds) =>
        Assert.Equal("Timed Up and Go must be more than 0 s and at most 300 s.", MeasureValidation.Validate("TUG", (decimal)seconds));

    [Fact]
    public void GaitSpeedAbove3MetresPerSecondIsRejected() =>
        Assert.Equal("10-Metre Walk Test, comfortable pace must be more than 0 m/s and at most 3 m/s.",
            MeasureValidation.Validate("10MWT-C", 3.01m));

    [Fact]
    public void AbcAbove100PercentIsRejected() =>
        Assert.Equal("Activities-specific Balance Confidence Scale must be between 0 and 100%.",
            MeasureValidation.Validate("ABC", 100.5m));

    [Theory]
    [InlineData("BBS", 0)]
    [InlineData("BBS", 56)]
    [InlineData("TUG", 0.1)]
    [InlineData("TUG", 300)]
    [InlineData("10MWT-C", 3)]
    [InlineData("BWS", 0.01)]
    [InlineData("6MWT", 0)]
    [InlineData("6MWT", 1000)]
    [InlineData("ABC", 77.5)]
    [InlineData("MINIBEST", 28)]
    public void ValuesAtTheEdgesOfTheRangeAreValid(string code, double value)
    {
        Assert.Null(MeasureValidation.Validate(code, (decimal)value));
        Assert.True(MeasureValidation.IsValid(code, (decimal)value));
    }

    [Theory]
    [InlineData("6MWT", 1000.5)]
    [InlineData("FGA", 31)]
    [InlineData("DGI", 25)]
    [InlineData("MINIBEST", 29)]
    [InlineData("3MBWT", 0)]
    [InlineData("FTSTS", -2)]
    public void ValuesOutsideTheRangeAreInvalid(string code, double value) =>
        Assert.False(MeasureValidation.IsValid(code, (decimal)value));
}
