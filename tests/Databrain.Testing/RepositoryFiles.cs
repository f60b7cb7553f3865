namespace Databrain.Testing;

/// <summary>Files of the repository the tests read (docs, README, sample sources).</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Read(params string[] path) => File.ReadAllText(Path.Combine([Root, .. path])).ReplaceLineEndings("\n");

    /// <summary>
    /// Compares a generated document with the committed one; with UPDATE_DOCS=1 rewrites it instead.
    /// </summary>
    public static void AssertGenerated(string generated, params string[] path)
    {
        var file = Path.Combine([Root, .. path]);
        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1")
        {
            File.WriteAllText(file, generated);
            return;
        }

        var committed = File.Exists(file) ? File.ReadAllText(file).ReplaceLineEndings("\n") : string.Empty;
        committed.Should().Be(generated, $"{string.Join('/', path)} is generated from the code; run `UPDATE_DOCS=1 dotnet test --filter FullyQualifiedName~Docs` and commit the result");
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Databrain.Client.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Databrain.Client.sln not found above the test output.");
    }
}
