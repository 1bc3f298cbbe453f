using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;

namespace RetroWalk.Web.Infrastructure;

/// <summary>Messages keyed by form field name; an empty key is a message for the whole form.</summary>
public sealed class FieldErrors : Dictionary<string, List<string>>
{
    public FieldErrors() : base(StringComparer.Ordinal)
    {
    }

    public void Add(string field, string message)
    {
        if (!TryGetValue(field, out var messages))
        {
            this[field] = messages = [];
        }
        messages.Add(message);
    }

    public bool IsValid => Count == 0;

    /// <summary>Runs the model's data annotations (ranges, required fields) into field errors.</summary>
    public static FieldErrors FromAnnotations(object model)
    {
        var errors = new FieldErrors();
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(model, new ValidationContext(model), results, validateAllProperties: true);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty(""))
            {
                errors.Add(member, result.ErrorMessage ?? "This value is not valid.");
            }
        }
        return errors;
    }
}

public enum SaveStatus
{
    Saved,
    Invalid,
    Conflict,
    NotFound,
    /// <summary>The database could not be reached; nothing was saved and the input can be saved again.</summary>
    Unavailable,
}

/// <summary>The outcome of a save: saved (with the record's id and new version), or why not.</summary>
public sealed record SaveResult(SaveStatus Status, Guid Id = default, Guid Version = default, FieldErrors? Errors = null, string? Message = null)
{
    public bool Succeeded => Status == SaveStatus.Saved;

    public static SaveResult Saved(Guid id, Guid version) => new(SaveStatus.Saved, id, version);
    public static SaveResult Invalid(FieldErrors errors) => new(SaveStatus.Invalid, Errors: errors, Message: "Please correct the highlighted fields. Nothing was saved.");
    public static SaveResult NotFound() => new(SaveStatus.NotFound, Message: "That record does not exist or belongs to another clinic.");
    public static SaveResult Unavailable() => new(SaveStatus.Unavailable, Message: DatabaseOutage.SaveMessage);

    public static SaveResult Conflict(string what) => new(SaveStatus.Conflict,
        Message: $"Someone else changed this {what} after you opened it. Nothing was saved. Reload to see their changes, then make yours again.");
}

/// <summary>
/// One page and how many rows there are in all; with <paramref name="MoreThanTotal"/> the counting stopped at
/// <paramref name="TotalCount"/> and there are more (a count that grows with the clinic is not worth its time).
/// </summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount, bool MoreThanTotal = false);

/// <summary>How many rows a list has, counted up to a cap: an exact count of a large clinic's rows reads every one.</summary>
public readonly record struct CappedCount(int Count, bool MoreThan)
{
    /// <summary>
    /// The patient list and the audit and access logs count matching rows up to this many and then say "more than":
    /// a clinic's trail grows by millions of rows, and counting them all would cost each page seconds.
    /// </summary>
    public const int ListCap = 1000;

    /// <summary>
    /// Counts the rows of <paramref name="keys"/> (a query of the rows' ids, ordered: a limit needs an order, which does
    /// not change the count) up to <paramref name="cap"/>.
    /// </summary>
    public static async Task<CappedCount> OfAsync<TKey>(IQueryable<TKey> keys, int cap, CancellationToken cancellationToken)
    {
        cap = Math.Max(1, cap);
        var counted = await keys.Take(cap + 1).CountAsync(cancellationToken);
        return new CappedCount(Math.Min(counted, cap), counted > cap);
    }
}
