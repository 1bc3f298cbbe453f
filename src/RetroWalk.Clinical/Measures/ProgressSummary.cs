namespace RetroWalk.Clinical.Measures;

/// <summary>Plain-language summary sentences for a progress table or report.</summary>
public static class ProgressSummary
{
    /// <summary>
    /// One sentence per measure, e.g. "Comfortable gait speed rose 0.17 m/s (0.45 → 0.62 m/s), more
    /// than the MCID of 0.16 m/s for subacute stroke (Tilson 2010); now a limited community ambulator (Perry 1995)."
    /// Every value and category names its source's short label.
    /// </summary>
    public static string Sentence(string code, PatientProfile patient, decimal baseline, decimal latest) =>
        Sentence(ChangeInterpretation.Interpret(code, patient, baseline, latest));

    public static string Sentence(ChangeInterpretationResult result)
    {
        var m = result.Measure;
        var values = $"({m.Number(result.Baseline)} → {m.WithUnit(result.Latest)})";
        var clauses = new List<string>();

        if (result.Change == 0)
        {
            clauses.Add($"{m.SummaryLabel} was unchanged {values}");
        }
        else
        {
            var verb = result.Change > 0 ? "rose" : "fell";
            var head = $"{m.SummaryLabel} {verb} {m.WithUnit(Math.Abs(result.Change))} {values}";
            if (result.Direction == ChangeDirection.Worsened)
            {
                head += ", a worsening";
            }

            clauses.Add(head + ", " + ThresholdClauses(result));
        }

        if (result.LatestCategories is [var category, ..])
        {
            clauses.Add($"now {category.Band.Phrase} ({category.Source.Label})");
        }

        return string.Join("; ", clauses) + ".";
    }

    private static string ThresholdClauses(ChangeInterpretationResult result)
    {
        var population = result.Patient.PopulationText;
        if (!result.Mdc.IsAvailable && !result.Mcid.IsAvailable)
        {
            return $"no published MDC or MCID for {population}";
        }

        var parts = new List<string>();
        if (result.Mdc.IsAvailable)
        {
            parts.Add(Clause(result.Mdc));
        }

        parts.Add(result.Mcid.IsAvailable ? Clause(result.Mcid) : $"no published MCID for {population}");
        return string.Join("; ", parts);
    }

    private static string Clause(ThresholdOutcome outcome)
    {
        var t = outcome.Threshold!;
        var m = outcome.Measure;
        var comparison = outcome.Comparison switch
        {
            ThresholdComparison.Above => "more than",
            ThresholdComparison.Equal => "equal to",
            _ => "less than",
        };
        var baseline = t.Baseline is { } b ? $" with baseline {m.Unit.Append(b.Display())}" : "";
        return $"{comparison} the {t.DisplayName} of {m.Published(t.Value)} for {t.Population}{baseline} ({t.Source.Label})";
    }
}
