using System.Globalization;
using System.Text;

namespace RetroWalk.Clinical.Evidence;

/// <summary>
/// A published source (paper, trial registration or preprint) with what it studied. Every value in
/// the measure catalogue and every template points to one. <see cref="Label"/> is the short form shown
/// beside a value ("Alghadir 2018"); <see cref="Citation"/> is the full reference.
/// </summary>
public sealed record Reference
{
    /// <summary>Stable identifier, e.g. "alghadir-2018"; used for anchors and lookups.</summary>
    public required string Key { get; init; }

    /// <summary>Short author–year label, unique in the bibliography, e.g. "Donoghue &amp; Stokes 2009".</summary>
    public required string Label { get; init; }

    /// <summary>Vancouver-style author list; null when the author list has not been recorded (<see cref="RecordNote"/> says so).</summary>
    public string? Authors { get; init; }

    /// <summary>Year of publication; null when it has not been confirmed.</summary>
    public int? Year { get; init; }

    public required string Title { get; init; }

    /// <summary>Abbreviated journal name, or the kind of source ("ClinicalTrials.gov registration", "medRxiv preprint").</summary>
    public required string Journal { get; init; }

    /// <summary>Volume with issue or supplement as printed, e.g. "41(5)", "83 Suppl 2"; null when not confirmed.</summary>
    public string? Volume { get; init; }

    /// <summary>Pages or article number, e.g. "343–346", "141", "jrm40560"; null when not confirmed.</summary>
    public string? Pages { get; init; }

    public string? Doi { get; init; }

    public string? Pmid { get; init; }

    /// <summary>Trial registration number (NCT…, ISRCTN…), when the source is or has one.</summary>
    public string? Registration { get; init; }

    /// <summary>Who was studied, e.g. "56 people with chronic stroke".</summary>
    public required string Population { get; init; }

    /// <summary>What the source measured or reported that RetroWalk uses.</summary>
    public required string Measured { get; init; }

    /// <summary>What is missing from the bibliographic record, e.g. "Volume and pages not confirmed."</summary>
    public string? RecordNote { get; init; }

    /// <summary>True when the source can be found by DOI or PMID; a value may be marked verified only then.</summary>
    public bool HasIdentifier => !string.IsNullOrWhiteSpace(Doi) || !string.IsNullOrWhiteSpace(Pmid);

    /// <summary>Where the source can be read: the DOI resolver, PubMed, or the trial registry.</summary>
    public string? Url =>
        Doi is { Length: > 0 } doi ? "https://doi.org/" + doi
        : Pmid is { Length: > 0 } pmid ? $"https://pubmed.ncbi.nlm.nih.gov/{pmid}/"
        : Registration is { } nct && nct.StartsWith("NCT", StringComparison.Ordinal) ? "https://clinicaltrials.gov/study/" + nct
        : null;

    /// <summary>
    /// The full reference, e.g. "Alghadir AH, Al-Eisa ES, Anwer S, Sarkar B. Reliability, … chronic stroke.
    /// BMC Neurol 2018;18:141. doi:10.1186/s12883-018-1146-9. PMID 30213258."
    /// </summary>
    public string Citation
    {
        get
        {
            var text = new StringBuilder();
            if (Authors is not null)
            {
                text.Append(Authors).Append(". ");
            }
            text.Append(Title.TrimEnd('.')).Append(". ");
            text.Append(Journal);
            if (Year is { } year)
            {
                text.Append(' ').Append(year.ToString(CultureInfo.InvariantCulture));
            }
            if (Volume is not null)
            {
                text.Append(';').Append(Volume);
            }
            if (Pages is not null)
            {
                text.Append(Volume is null ? ";" : ":").Append(Pages);
            }
            text.Append('.');
            if (Doi is not null)
            {
                text.Append(" doi:").Append(Doi).Append('.');
            }
            if (Pmid is not null)
            {
                text.Append(" PMID ").Append(Pmid).Append('.');
            }
            if (Registration is not null)
            {
                text.Append(" Registration ").Append(Registration).Append('.');
            }
            if (RecordNote is not null)
            {
                text.Append(' ').Append(RecordNote);
            }
            return text.ToString();
        }
    }
}

/// <summary>How far a catalogue value has been checked against its source.</summary>
public enum EvidenceStatus
{
    /// <summary>The primary source (at least its abstract) gives this value for this population.</summary>
    Verified = 1,

    /// <summary>The value is confirmed, but through a secondary source that quotes the primary.</summary>
    VerifiedThroughSecondary = 2,

    /// <summary>Not confirmed, or the source cannot be found by DOI or PMID: shown, never used for a conclusion.</summary>
    Unverified = 3,
}

/// <summary>A note or caveat shown next to values, with the sources it draws on (none for a plain statement).</summary>
public sealed record Remark(string Text, IReadOnlyList<Reference> Sources)
{
    public Remark(string text, params Reference[] sources)
        : this(text, (IReadOnlyList<Reference>)[.. sources])
    {
    }
}
