using System.Text.Json;

namespace RetroWalk.Web.Tests.Unit;

/// <summary>
/// The app ships the collector settings its circuit figures were measured with (README, "Scale: circuits"): they live
/// in the runtime configuration written beside the app at build, which the runtime reads before any code runs.
/// </summary>
public sealed class GarbageCollectorSettingsTests
{
    private static readonly JsonElement Properties = ReadProperties();

    [Fact]
    public void TheAppRunsOnServerGcWithoutDynamicAdaptation()
    {
        Assert.True(Properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.Equal(0, Properties.GetProperty("System.GC.DynamicAdaptationMode").GetInt32());
    }

    [Fact]
    public void TheFirstGenerationsBudgetIsCappedSoNoCollectionHasMuchToPromote()
    {
        long budget = Properties.GetProperty("System.GC.Gen0MaxBudget").GetInt64();

        Assert.Equal(32L * 1024 * 1024, budget);
    }

    private static JsonElement ReadProperties()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "RetroWalk.Web.runtimeconfig.json");
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }
}
