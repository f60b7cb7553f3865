namespace Databrain.Cli.Tests.Support;

/// <summary>A directory of input files for one test, deleted afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("databrain-cli-tests-").FullName;

    /// <summary>Writes <paramref name="content"/> to a file of this directory and returns its full path.</summary>
    public string File(string name, string content)
    {
        var path = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
