using System.Globalization;

namespace RetroWalk.Clinical.Measures;

/// <summary>Field-level validation of a measure value, with messages fit to show next to the field.</summary>
public static class MeasureValidation
{
    /// <summary>Null when the value is valid, otherwise a message such as
    /// "Berg Balance Scale must be between 0 and 56 points."</summary>
    public static string? Validate(string code, decimal value) => Validate(MeasureCatalogue.Get(code), value);

    public static string? Validate(MeasureDefinition measure, decimal value)
    {
        var range = measure.Range;
        if (range.Contains(value))
        {
            return null;
        }

        var unit = measure.Unit;
        static string N(decimal v) => v.ToString(CultureInfo.InvariantCulture);
        var inRange = range.MinExclusive ? value > range.Min && value <= range.Max : value >= range.Min && value <= range.Max;
        if (inRange && range.WholeNumbers)
        {
            return $"{measure.Name} must be a whole number of {unit.Display}.";
        }

        return range.MinExclusive
            ? $"{measure.Name} must be more than {unit.Append(N(range.Min))} and at most {unit.Append(N(range.Max))}."
            : $"{measure.Name} must be between {N(range.Min)} and {unit.Append(N(range.Max))}.";
    }

    public static bool IsValid(string code, decimal value) => Validate(code, value) is null;
}
