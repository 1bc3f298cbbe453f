using RetroWalk.Clinical.Measures;

namespace RetroWalk.Clinical.Tests.Measures;

/// <summary>Patients of known condition and age for the interpretation tests.</summary>
internal static class TestPatients
{
    public static PatientProfile ChronicStroke { get; } = new(Condition.ChronicStroke, 62);

    public static PatientProfile SubacuteStroke { get; } = new(Condition.SubacuteStroke, 68);

    public static PatientProfile OlderAdult { get; } = new(Condition.OlderAdultFallRisk, 78);

    public static PatientProfile KneeOsteoarthritis { get; } = new(Condition.KneeOsteoarthritis, 70);

    public static PatientProfile Of(Condition condition, int age = 70) => new(condition, age);
}
