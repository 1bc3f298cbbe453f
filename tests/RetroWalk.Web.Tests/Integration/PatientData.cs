using RetroWalk.Clinical;
using RetroWalk.Web.Features.Patients;

namespace RetroWalk.Web.Tests.Integration;

public static class PatientData
{
    public static PatientInput Valid(string recordNumber, string given = "Łucja", string family = "Wiśniewska-Nguyễn") => new()
    {
        GivenName = given,
        FamilyName = family,
        DateOfBirth = new DateOnly(1956, 3, 14),
        Sex = Sex.Female,
        RecordNumber = recordNumber,
        PrimaryCondition = Condition.ChronicStroke,
        AffectedSide = AffectedSide.Left,
        HeightCm = 162,
        WeightKg = 64,
        RestingHeartRate = 70,
    };
}
