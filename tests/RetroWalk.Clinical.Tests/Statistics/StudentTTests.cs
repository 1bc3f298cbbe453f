using RetroWalk.Clinical.Statistics;

namespace RetroWalk.Clinical.Tests.Statistics;

public sealed class StudentTTests
{
    // Two-sided 95 % critical values from published t tables.
    [Theory]
    [InlineData(1, 12.7062047)]
    [InlineData(2, 4.3026527)]
    [InlineData(3, 3.1824463)]
    [InlineData(4, 2.7764451)]
    [InlineData(11, 2.2009852)]
    [InlineData(29, 2.0452296)]
    [InlineData(120, 1.9799304)]
    public void CriticalValuesMatchTheTables(int degreesOfFreedom, double expected) =>
        Assert.Equal(expected, StudentT.Critical(0.95, degreesOfFreedom), 6);

    [Theory]
    [InlineData(0.0, 5, 0.5)]
    [InlineData(1.0, 1, 0.75)]
    [InlineData(-1.0, 1, 0.25)]
    [InlineData(2.0, 2, 0.9082483)]
    public void TheCumulativeProbabilityMatchesClosedForms(double t, int degreesOfFreedom, double expected) =>
        Assert.Equal(expected, StudentT.Cdf(t, degreesOfFreedom), 6);

    [Fact]
    public void TheQuantileInvertsTheCumulativeProbability()
    {
        foreach (var p in new[] { 0.01, 0.2, 0.5, 0.9, 0.999 })
        {
            Assert.Equal(p, StudentT.Cdf(StudentT.Quantile(p, 7), 7), 9);
        }
    }

    [Fact]
    public void AProbabilityOutsideZeroToOneIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.Quantile(1, 5));
}
