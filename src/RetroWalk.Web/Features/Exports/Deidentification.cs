using System.Security.Cryptography;
using RetroWalk.Clinical;

namespace RetroWalk.Web.Features.Exports;

/// <summary>A patient as a research export shows them: a random study id, and how far their dates are moved back.</summary>
public sealed record StudyPatient(string StudyId, int ShiftDays)
{
    /// <summary>The date as the export writes it: moved back by the patient's own offset, so that intervals between a patient's dates stay true.</summary>
    public DateOnly Shift(DateOnly date) => date.AddDays(-ShiftDays);
}

/// <summary>
/// The HIPAA Safe Harbor method as RetroWalk applies it to research exports (45 CFR 164.514(b)(2)). No names,
/// record numbers, addresses, contact details, account or device identifiers, and no free text; each patient gets a
/// random study id that is not derived from anything about them and is made afresh for every export; every date is
/// moved back by a random number of days (1 to 365) drawn per patient, so that a patient's intervals stay true; ages
/// over 89 are written as one group; dates of birth are left out.
/// </summary>
public static class Deidentification
{
    public const int MaxShiftDays = 365;
    public const string OldestAgeGroup = "90 or older";

    public const string Method =
        "De-identified by the HIPAA Safe Harbor method (45 CFR 164.514(b)(2)).\n" +
        "- Left out: names, record numbers, dates of birth, addresses, contact details, staff names, and all free text " +
        "(session notes, adverse-event notes, screening reasons, assessment notes, assistive-device descriptions, discontinuation reasons).\n" +
        "- Each patient has a random study id (e.g. S-3F9A01C2), not derived from any patient data and made afresh for every export; " +
        "the same person has different ids in two exports.\n" +
        "- Every date is moved back by a random number of days between 1 and 365, drawn once per patient: intervals between one " +
        "patient's dates (days between sessions, baseline to end of programme) are exact, but dates of different patients cannot be compared, " +
        "and no date is the real one. Safe Harbor itself names every date element except the year as an identifier: a recipient that needs the " +
        "method in its strictest form keeps only the day-number columns (day of programme, days from first programme start) and the year.\n" +
        "- Ages are whole years at the start of the patient's first programme in the export; ages over 89 are written as \"90 or older\".\n" +
        "- Kept: sex, primary condition, protocol template, and the clinical measurements.\n";

    /// <summary>Study ids and date offsets for the patients, from a cryptographic random source; ids are unique within the export.</summary>
    public static IReadOnlyDictionary<Guid, StudyPatient> Assign(IEnumerable<Guid> patientIds)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var assigned = new Dictionary<Guid, StudyPatient>();
        foreach (var id in patientIds)
        {
            string studyId;
            do
            {
                studyId = "S-" + RandomNumberGenerator.GetHexString(8);
            }
            while (!used.Add(studyId));
            assigned[id] = new StudyPatient(studyId, RandomNumberGenerator.GetInt32(1, MaxShiftDays + 1));
        }
        return assigned;
    }

    /// <summary>Age in whole years, with every age over 89 in one group.</summary>
    public static string AgeGroup(DateOnly dateOfBirth, DateOnly onDate)
    {
        var age = ConditionNames.AgeOn(dateOfBirth, onDate);
        return age > 89 ? OldestAgeGroup : age.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
