using System.Text.Json;
using RetroWalk.Clinical.Protocols;

namespace RetroWalk.Clinical.Tests.Protocols;

public class ProtocolJsonTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static TheoryData<string> RuleKinds() => ["none", "speedStepPerWeek", "speedStepAfterTolerated", "durationRamp", "inclineStepPerWeek"];

    private static ProgressionRule Rule(string kind) => kind switch
    {
        "speedStepPerWeek" => new SpeedStepPerWeek(0.2m),
        "speedStepAfterTolerated" => new SpeedStepAfterTolerated(0.1m),
        "durationRamp" => new DurationRamp(10m, 30m, 2.5m, RampInterval.Session),
        "inclineStepPerWeek" => new InclineStepPerWeek(2.5m),
        _ => new NoProgression(),
    };

    [Theory]
    [MemberData(nameof(RuleKinds))]
    public void ProtocolRoundTripsWithEachProgressionRule(string kind)
    {
        var protocol = ProtocolTemplates.ChronicStroke4Weeks with
        {
            Progression = Rule(kind),
            Outcomes = [new(AssessmentPoint.Baseline, null, ["BBS"]), new(AssessmentPoint.FollowUp, 12, ["BBS", "6MWT"])],
            Safety = new SafetyRules { Stop = new StopLimits { MaxHeartRate = 140 } },
        };

        var json = JsonSerializer.Serialize(protocol, Web);
        var back = JsonSerializer.Deserialize<ProtocolDefinition>(json, Web)!;

        Assert.Contains($"\"type\":\"{kind}\"", json, StringComparison.Ordinal);
        Assert.Equal(protocol.Progression, back.Progression);
        Assert.Equal(protocol.Progression.GetType(), back.Progression.GetType());
        Assert.Equal(protocol.Session, back.Session);
        Assert.Equal(protocol.Course, back.Course);
        Assert.Equal(protocol.Treadmill, back.Treadmill);
        Assert.Equal(protocol.Intensity, back.Intensity);
        Assert.Equal(protocol.Safety, back.Safety);
        Assert.Equal(json, JsonSerializer.Serialize(back, Web));
    }

    [Fact]
    public void EveryTemplateRoundTrips()
    {
        foreach (var template in ProtocolTemplates.All)
        {
            var json = JsonSerializer.Serialize(template);
            var back = JsonSerializer.Deserialize<ProtocolDefinition>(json)!;
            Assert.Equal(json, JsonSerializer.Serialize(back));
            Assert.Equal(ProtocolSummary.Line(template), ProtocolSummary.Line(back));
        }
    }

    [Fact]
    public void EnumsAreStoredAsNames()
    {
        var json = JsonSerializer.Serialize(ProtocolTemplates.AclReconstructionIncline, Web);

        Assert.Contains("\"inclineUnit\":\"Degrees\"", json, StringComparison.Ordinal);
        Assert.Contains("\"handrail\":\"LightTouch\"", json, StringComparison.Ordinal);
        Assert.Contains("\"point\":\"Baseline\"", JsonSerializer.Serialize(ProtocolTemplates.ChronicStroke4Weeks, Web), StringComparison.Ordinal);
    }

    [Fact]
    public void ComputedPropertiesAreNotStored()
    {
        var json = JsonSerializer.Serialize(ProtocolTemplates.ChronicStroke4Weeks, Web);

        Assert.DoesNotContain("isFixedCount", json, StringComparison.Ordinal);
        Assert.DoesNotContain("hasHeartRateZone", json, StringComparison.Ordinal);
    }
}
