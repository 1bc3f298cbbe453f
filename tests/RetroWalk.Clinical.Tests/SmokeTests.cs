namespace RetroWalk.Clinical.Tests;

public class SmokeTests
{
    [Fact]
    public void AssemblyLoads() => Assert.Equal("RetroWalk.Clinical", typeof(Units).Assembly.GetName().Name);
}
