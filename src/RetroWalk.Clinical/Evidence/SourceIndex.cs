using RetroWalk.Clinical.Measures;
using RetroWalk.Clinical.Protocols;

namespace RetroWalk.Clinical.Evidence;

/// <summary>What one reference is used for, e.g. "MDC 2.7 points, chronic stroke", with the value's check status.</summary>
public sealed record SourceUse(string What, EvidenceStatus? Status = null);

/// <summary>A reference and everything it is used for within one group.</summary>
public sealed record ReferenceUses(Reference Reference, IReadOnlyList<SourceUse> Uses);

/// <summary>The references of one measure (or of the templates, or of the defaults), in first-use order.</summary>
public sealed record SourceGroup(string Key, string Title, IReadOnlyList<ReferenceUses> References);

/// <summary>
/// Every reference the app relies on, grouped by measure, then the protocol templates and the default
/// screening limits. The Sources page lists these groups.
/// </summary>
public static class SourceIndex
{
    public static IReadOnlyList<SourceGroup> Groups { get; } = Build();

    private static List<SourceGroup> Build()
    {
        var groups = MeasureCatalogue.All.Select(MeasureGroup).ToList();

        var templates = new Uses();
        foreach (var template in ProtocolTemplates.All)
        {
            foreach (var reference in ProtocolTemplates.References(template.Key))
            {
                templates.Add(reference, $"Template: {template.Name}");
            }
        }
        groups.Add(new SourceGroup("templates", "Protocol templates", templates.ToList()));

        var defaults = new Uses();
        defaults.Add(ProtocolTemplates.ScreeningSource, "Default screening limit: resting blood pressure above 200/100 mmHg means no session");
        groups.Add(new SourceGroup("defaults", "Protocol defaults", defaults.ToList()));
        return groups;
    }

    private static SourceGroup MeasureGroup(MeasureDefinition m)
    {
        var uses = new Uses();
        foreach (var t in m.ChangeThresholds)
        {
            var baseline = t.Baseline is { } b ? $", baseline {m.Unit.Append(b.Display())}" : "";
            var what = $"{t.DisplayName} {m.Published(t.Value)}, {t.Population}{baseline}";
            uses.Add(t.Source, what, t.Status);
            uses.Add(t.ConfirmedThrough, "Confirms " + what);
        }
        foreach (var s in m.CutOffs)
        {
            var what = $"Cut-off: {s.Title}, {s.Population}";
            uses.Add(s.Source, what, s.Status);
            uses.Add(s.ConfirmedThrough, "Confirms " + what);
            foreach (var reference in s.Caveat?.Sources ?? [])
            {
                uses.Add(reference, $"Caveat on {s.Title}");
            }
        }
        foreach (var n in m.Norms)
        {
            var sd = n.StandardDeviation is { } d ? $" ± {m.Published(d)}" : "";
            uses.Add(n.Source, $"Norm: {n.Group}, {m.Published(n.Mean)}{sd}", n.Status);
        }
        foreach (var note in m.Notes)
        {
            foreach (var reference in note.Sources)
            {
                uses.Add(reference, "Note: " + note.Text);
            }
        }
        return new SourceGroup(m.Code, m.Name, uses.ToList());
    }

    /// <summary>Uses collected per reference, keeping the order in which references first appear.</summary>
    private sealed class Uses
    {
        private readonly List<(Reference Reference, List<SourceUse> Uses)> entries = [];

        public void Add(Reference? reference, string what, EvidenceStatus? status = null)
        {
            if (reference is null)
            {
                return;
            }
            var entry = entries.FirstOrDefault(e => e.Reference == reference);
            if (entry.Reference is null)
            {
                entry = (reference, []);
                entries.Add(entry);
            }
            entry.Uses.Add(new SourceUse(what, status));
        }

        public List<ReferenceUses> ToList() => [.. entries.Select(e => new ReferenceUses(e.Reference, e.Uses))];
    }
}
