using RetroWalk.Clinical;
using RetroWalk.Clinical.Measures;
using RetroWalk.Clinical.Outcomes;
using RetroWalk.Clinical.Statistics;

namespace RetroWalk.Web.Features.Outcomes;

/// <summary>
/// The clinic outcome dashboard: the period's programmes (see <see cref="CohortLoader"/>) grouped by protocol version or
/// by condition, each group summarised by <see cref="CohortSummary"/>; and the dose-response of one measure.
/// </summary>
public sealed class OutcomeService(CohortLoader loader)
{
    public async Task<OutcomeDashboard> DashboardAsync(OutcomeQuery query, OutcomeGrouping grouping, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Build(query, grouping, await loader.LoadAsync(query, cancellationToken));
    }

    /// <summary>Groups already-loaded members; pure, so the page can regroup without reloading.</summary>
    public static OutcomeDashboard Build(OutcomeQuery query, OutcomeGrouping grouping, IReadOnlyList<CohortMember> members)
    {
        var groups = members
            .GroupBy(m => grouping == OutcomeGrouping.Protocol ? $"{m.ProtocolId:N}-{m.ProtocolVersion}" : m.Condition.ToString())
            .Select(g => Group(g.Key, grouping == OutcomeGrouping.Protocol ? g.First().ProtocolLabel : g.First().Condition.Display(), [.. g]))
            .OrderBy(g => g.Name, StringComparer.CurrentCulture)
            .ToList();
        var codes = members.SelectMany(m => m.Changes).Select(c => c.MeasureCode).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new OutcomeDashboard(query, grouping, groups, Group("clinic", "Whole clinic", members))
        {
            MeasureCodes = [.. MeasureCatalogue.All.Where(m => codes.Contains(m.Code)).Select(m => m.Code)],
        };
    }

    /// <summary>
    /// Each patient's change on <paramref name="measureCode"/> against the minutes of backward walking delivered (main
    /// part of the sessions) or the sessions attended, for one protocol or the whole clinic, with the least-squares line.
    /// </summary>
    public static DoseResponse DoseResponseOf(IReadOnlyList<CohortMember> members, string measureCode, Guid? protocolId, DoseAxis axis)
    {
        ArgumentNullException.ThrowIfNull(members);
        var points = members
            .Where(m => protocolId is null || m.ProtocolId == protocolId)
            .SelectMany(m => m.Changes
                .Where(c => string.Equals(c.MeasureCode, measureCode, StringComparison.OrdinalIgnoreCase))
                .Select(c => new DoseResponsePoint(m.PatientId, m.PatientName, m.ProtocolLabel, m.Patient.MinutesDelivered, m.Patient.SessionsAttended, c.Change)))
            .OrderBy(p => p.Minutes).ThenBy(p => p.PatientName, StringComparer.CurrentCulture)
            .ToList();
        var fit = LinearFit.Of([.. points.Select(p => (double)(axis == DoseAxis.Minutes ? p.Minutes : p.Sessions))], [.. points.Select(p => p.Change)]);
        return new DoseResponse(measureCode, axis, points, fit);
    }

    private static OutcomeGroup Group(string key, string name, IReadOnlyList<CohortMember> members) =>
        new(key, name, members, CohortSummary.Of([.. members.Select(m => m.Patient)]));
}
