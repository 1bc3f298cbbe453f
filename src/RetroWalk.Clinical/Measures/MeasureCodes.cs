namespace RetroWalk.Clinical.Measures;

/// <summary>
/// Stable measure codes. They are stored in the database and in protocol assessment plans:
/// never rename or reuse one.
/// </summary>
public static class MeasureCodes
{
    public const string BergBalanceScale = "BBS";
    public const string TimedUpAndGo = "TUG";
    public const string TenMetreWalkComfortable = "10MWT-C";
    public const string TenMetreWalkFast = "10MWT-F";
    public const string ThreeMetreBackwardWalk = "3MBWT";
    public const string BackwardWalkingSpeed = "BWS";
    public const string SixMinuteWalk = "6MWT";
    public const string FunctionalGaitAssessment = "FGA";
    public const string ActivitiesBalanceConfidence = "ABC";
    public const string DynamicGaitIndex = "DGI";
    public const string FiveTimesSitToStand = "FTSTS";
    public const string MiniBesTest = "MINIBEST";
}
