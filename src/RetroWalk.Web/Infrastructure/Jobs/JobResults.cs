using Microsoft.Extensions.Options;

namespace RetroWalk.Web.Infrastructure.Jobs;

/// <summary>
/// The private folder of job results: created readable by the app's user only (0700), each file 0600, a result
/// written under a ".partial" name and renamed when complete, so that a half-written file is never served.
/// </summary>
public sealed class JobResults(IOptions<JobOptions> options)
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const string PartialSuffix = ".partial";

    public string Directory { get; } = options.Value.ResultsDirectoryPath;

    public static string FileNameOf(Guid jobId, string extension) => $"{jobId:N}{extension}";

    public string PathOf(string fileName) => Path.Combine(Directory, Path.GetFileName(fileName));

    public string PartialPathOf(string fileName) => PathOf(fileName) + PartialSuffix;

    public void EnsureDirectory()
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(Directory);
            return;
        }
        System.IO.Directory.CreateDirectory(Directory, OwnerOnlyFolder);
        // An existing folder keeps its mode on creation; make it private in any case.
        File.SetUnixFileMode(Directory, OwnerOnlyFolder);
    }

    /// <summary>A new, empty partial file for the result, readable by the owner only.</summary>
    public FileStream CreatePartial(string fileName)
    {
        EnsureDirectory();
        var path = PartialPathOf(fileName);
        File.Delete(path);
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = OwnerOnlyFile;
        }
        return new FileStream(path, fileOptions);
    }

    /// <summary>Gives the finished partial file its final name.</summary>
    public void Complete(string fileName) => File.Move(PartialPathOf(fileName), PathOf(fileName), overwrite: true);

    /// <summary>Deletes the result and any partial file of it.</summary>
    public void Delete(string? fileName)
    {
        // A job cancelled before it wrote anything may find no results folder yet; File.Delete throws then.
        if (fileName is null || !System.IO.Directory.Exists(Directory))
        {
            return;
        }
        File.Delete(PathOf(fileName));
        File.Delete(PartialPathOf(fileName));
    }

    public IReadOnlyList<string> ListFiles() => System.IO.Directory.Exists(Directory) ? System.IO.Directory.GetFiles(Directory) : [];

    /// <summary>Deletes each of <paramref name="files"/> that is not a result, or the partial file of one, named in <paramref name="keep"/>.</summary>
    public int DeleteAllBut(IReadOnlySet<string> keep, IReadOnlyList<string> files)
    {
        var deleted = 0;
        foreach (var path in files)
        {
            var name = Path.GetFileName(path);
            var resultName = name.EndsWith(PartialSuffix, StringComparison.Ordinal) ? name[..^PartialSuffix.Length] : name;
            if (!keep.Contains(resultName) && File.Exists(path))
            {
                File.Delete(path);
                deleted++;
            }
        }
        return deleted;
    }
}
