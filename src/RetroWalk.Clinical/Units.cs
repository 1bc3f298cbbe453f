namespace RetroWalk.Clinical;

/// <summary>Unit conversions used across the clinical rules.</summary>
public static class Units
{
    /// <summary>1 km/h = 1000 m / 3600 s.</summary>
    public const decimal MetresPerSecondPerKmh = 1000m / 3600m;
}
