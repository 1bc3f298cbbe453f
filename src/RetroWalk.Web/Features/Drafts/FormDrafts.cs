using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetroWalk.Web.Data;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Features.Drafts;

/// <summary>
/// What a person had typed into an open form when their page signed out, kept for them alone: the form's content as
/// JSON, encrypted and signed with the app's data-protection keys under a purpose naming the user, so that neither a
/// reader of the table nor another user can read or forge it. One per user and form; taken back or discarded when
/// the form opens again.
/// </summary>
public sealed class FormDraft
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string UserId { get; set; } = "";
    public string FormKey { get; set; } = "";
    public string Protected { get; set; } = "";
    public DateTimeOffset SavedAt { get; set; }
}

internal sealed class FormDraftConfiguration : IEntityTypeConfiguration<FormDraft>
{
    public void Configure(EntityTypeBuilder<FormDraft> builder)
    {
        builder.ToTable("FormDrafts");
        builder.Property(d => d.UserId).HasMaxLength(450);
        builder.Property(d => d.FormKey).HasMaxLength(200);
        builder.HasIndex(d => new { d.UserId, d.FormKey }).IsUnique();
    }
}

/// <summary>A kept draft of a form, and when it was kept.</summary>
public sealed record KeptDraft<T>(T Model, DateTimeOffset SavedAt);

public sealed class FormDrafts(
    IDbContextFactory<RetroWalkDbContext> dbFactory, IDataProtectionProvider protection, ICurrentUser user, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    private IDataProtector Protector => protection.CreateProtector("RetroWalk.FormDrafts.v1", user.UserId ?? "");

    public async Task SaveAsync<T>(string formKey, T model, CancellationToken cancellationToken = default)
    {
        if (user.UserId is not { } userId)
        {
            return;
        }
        var payload = Protector.Protect(JsonSerializer.Serialize(model, Json));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var draft = await db.Set<FormDraft>().SingleOrDefaultAsync(d => d.UserId == userId && d.FormKey == formKey, cancellationToken);
        if (draft is null)
        {
            draft = new FormDraft { UserId = userId, FormKey = formKey };
            db.Add(draft);
        }
        draft.Protected = payload;
        draft.SavedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The signed-in user's kept draft of the form, or null (none, or one that no longer reads: it is dropped).</summary>
    public async Task<KeptDraft<T>?> FindAsync<T>(string formKey, CancellationToken cancellationToken = default)
    {
        if (user.UserId is not { } userId)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var draft = await db.Set<FormDraft>().AsNoTracking().SingleOrDefaultAsync(d => d.UserId == userId && d.FormKey == formKey, cancellationToken);
        if (draft is null)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<T>(Protector.Unprotect(draft.Protected), Json) is { } model ? new KeptDraft<T>(model, draft.SavedAt) : null;
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException)
        {
            await DiscardAsync(formKey, cancellationToken);
            return null;
        }
    }

    public async Task DiscardAsync(string formKey, CancellationToken cancellationToken = default)
    {
        if (user.UserId is not { } userId)
        {
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Set<FormDraft>().Where(d => d.UserId == userId && d.FormKey == formKey).ExecuteDeleteAsync(cancellationToken);
    }
}

/// <summary>
/// The open forms of one page (circuit) that keep a draft when the page signs out for idleness
/// (<see cref="Components.Account.Shared.IdleSignOut"/>).
/// </summary>
public sealed class DraftKeeper
{
    private readonly List<Func<Task>> savers = [];

    public IDisposable Register(Func<Task> save)
    {
        lock (savers)
        {
            savers.Add(save);
        }
        return new Registration(this, save);
    }

    public async Task SaveAllAsync()
    {
        Func<Task>[] now;
        lock (savers)
        {
            now = [.. savers];
        }
        foreach (var save in now)
        {
            await save();
        }
    }

    private sealed class Registration(DraftKeeper keeper, Func<Task> save) : IDisposable
    {
        public void Dispose()
        {
            lock (keeper.savers)
            {
                keeper.savers.Remove(save);
            }
        }
    }
}
