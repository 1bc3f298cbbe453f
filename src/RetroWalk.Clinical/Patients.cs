namespace RetroWalk.Clinical;

/// <summary>The patient's primary condition; it selects which published MDC/MCID values apply.</summary>
public enum Condition
{
    ChronicStroke = 1,
    SubacuteStroke = 2,
    KneeOsteoarthritis = 3,
    AclReconstruction = 4,
    ParkinsonsDisease = 5,
    OlderAdultFallRisk = 6,
    Other = 99,
}

public enum Sex
{
    Female = 1,
    Male = 2,
    Other = 3,
}

public enum AffectedSide
{
    NotApplicable = 0,
    Left = 1,
    Right = 2,
    Both = 3,
}

public static class ConditionNames
{
    public static string Display(this Condition condition) => condition switch
    {
        Condition.ChronicStroke => "Chronic stroke",
        Condition.SubacuteStroke => "Subacute stroke",
        Condition.KneeOsteoarthritis => "Knee osteoarthritis",
        Condition.AclReconstruction => "ACL reconstruction",
        Condition.ParkinsonsDisease => "Parkinson's disease",
        Condition.OlderAdultFallRisk => "Older adult at fall risk",
        _ => "Other",
    };

    public static string Display(this AffectedSide side) => side switch
    {
        AffectedSide.Left => "Left",
        AffectedSide.Right => "Right",
        AffectedSide.Both => "Both",
        _ => "Not applicable",
    };

    /// <summary>Age in whole years on <paramref name="onDate"/>.</summary>
    public static int AgeOn(DateOnly dateOfBirth, DateOnly onDate)
    {
        var age = onDate.Year - dateOfBirth.Year;
        if (onDate < dateOfBirth.AddYears(age))
        {
            age--;
        }
        return age;
    }
}
