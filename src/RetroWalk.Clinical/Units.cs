using System.Globalization;
using System.Text.Json.Serialization;

namespace RetroWalk.Clinical;

/// <summary>How a treadmill speed is shown. Speeds are always stored in km/h.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SpeedUnit>))]
public enum SpeedUnit
{
    KilometresPerHour = 1,
    MetresPerSecond = 2,
}

/// <summary>How a treadmill incline is entered and shown: angle in degrees or grade in percent.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<InclineUnit>))]
public enum InclineUnit
{
    Degrees = 1,
    Percent = 2,
}

/// <summary>Unit conversions used across the clinical rules.</summary>
public static class Units
{
    /// <summary>1 km/h = 1000 m / 3600 s (about 0.278 m/s).</summary>
    public const decimal MetresPerSecondPerKmh = 1000m / 3600m;

    /// <summary>3.6 km/h = 1 m/s, exactly.</summary>
    public const decimal KmhPerMetresPerSecond = 3.6m;

    public static decimal KmhToMetresPerSecond(decimal kmh) => kmh / KmhPerMetresPerSecond;

    public static decimal MetresPerSecondToKmh(decimal metresPerSecond) => metresPerSecond * KmhPerMetresPerSecond;

    /// <summary>A stored km/h speed expressed in <paramref name="unit"/>.</summary>
    public static decimal FromKmh(decimal kmh, SpeedUnit unit) =>
        unit == SpeedUnit.MetresPerSecond ? KmhToMetresPerSecond(kmh) : kmh;

    /// <summary>A speed entered in <paramref name="unit"/> converted to km/h for storage.</summary>
    public static decimal ToKmh(decimal value, SpeedUnit unit) =>
        unit == SpeedUnit.MetresPerSecond ? MetresPerSecondToKmh(value) : value;

    /// <summary>Percent grade = 100 · tan(angle). 45° is a 100 % grade.</summary>
    public static decimal DegreesToPercent(decimal degrees) =>
        (decimal)(100d * Math.Tan((double)degrees * Math.PI / 180d));

    /// <summary>Angle = atan(percent / 100), in degrees.</summary>
    public static decimal PercentToDegrees(decimal percent) =>
        (decimal)(Math.Atan((double)percent / 100d) * 180d / Math.PI);

    public static decimal ConvertIncline(decimal value, InclineUnit from, InclineUnit to) => (from, to) switch
    {
        (InclineUnit.Degrees, InclineUnit.Percent) => DegreesToPercent(value),
        (InclineUnit.Percent, InclineUnit.Degrees) => PercentToDegrees(value),
        _ => value,
    };

    public static string Symbol(this SpeedUnit unit) => unit == SpeedUnit.MetresPerSecond ? "m/s" : "km/h";

    public static string Symbol(this InclineUnit unit) => unit == InclineUnit.Percent ? "%" : "°";

    /// <summary>"3.0 km/h" or "0.83 m/s" for a speed stored in km/h.</summary>
    public static string FormatSpeed(decimal kmh, SpeedUnit unit = SpeedUnit.KilometresPerHour, IFormatProvider? provider = null)
    {
        var value = FromKmh(kmh, unit);
        var format = unit == SpeedUnit.MetresPerSecond ? "0.00" : "0.0";
        return $"{Math.Round(value, unit == SpeedUnit.MetresPerSecond ? 2 : 1, MidpointRounding.AwayFromZero).ToString(format, provider ?? CultureInfo.InvariantCulture)} {unit.Symbol()}";
    }

    /// <summary>"5.0°" or "8.7 %" for an incline given in <paramref name="unit"/>.</summary>
    public static string FormatIncline(decimal value, InclineUnit unit, IFormatProvider? provider = null)
    {
        var text = Math.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.0", provider ?? CultureInfo.InvariantCulture);
        return unit == InclineUnit.Percent ? $"{text} %" : $"{text}°";
    }
}
