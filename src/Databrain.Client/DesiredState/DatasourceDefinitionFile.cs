namespace Databrain.Client.DesiredState;

/// <summary>
/// Reads a definitions file: a JSON array whose items are exactly the create request bodies of the DataBrain API
/// (<c>{"datasourceType": ..., "credentials": {...}, "tenancySettings": {...}}</c>). A string value may reference a
/// secret instead of holding it: <c>${env:NAME}</c> (an environment variable) or <c>${file:PATH}</c> (a file's text,
/// the path relative to the definitions file), resolved when the file is read.
/// </summary>
/// <remarks>
/// <para>
/// A reference is a whole string value: <c>"password": "${env:PG_PASSWORD}"</c>. Inside a longer string
/// (<c>"pre-${env:X}"</c>) it is plain text, sent as it is. A file's text has one trailing line break removed (the one
/// editors add). Any other whole value of the form <c>${...}</c> is a problem, so a misspelt reference is never sent
/// as a password; to send a value that starts with <c>${</c>, write <c>$${</c>: a value that starts with two or more <c>$</c> before a
/// <c>{</c> loses one <c>$</c>. A reference
/// always gives a string: it cannot stand for a number such as <c>port</c>.
/// </para>
/// <para>
/// The whole file is checked before anything is returned, every problem at once, each named by its path with the
/// entry's 0-based index first (<c>[2].credentials.password</c>; the file as a whole is <c>$</c>): each entry's own
/// rules (exactly those of <see cref="Models.DatasourceCredentials.FromJson(Models.DatasourceType, System.Text.Json.JsonElement)"/>
/// and <see cref="Models.TenancySettings.FromJson(System.Text.Json.JsonElement)"/>: a field the type does not have,
/// a misspelt type), a field the entry does not have, a name that appears twice (names are case-sensitive), and a
/// variable that is not set or a file that cannot be read. A type far from every documented one is the escape hatch
/// (<see cref="Models.CustomCredentials"/>), as in a single request. No problem and no <c>ToString()</c> ever holds a
/// value: a resolved secret appears nowhere but in the credentials it was read into.
/// </para>
/// </remarks>
public static class DatasourceDefinitionFile
{
    /// <summary>Reads and validates a definitions file; references resolve relative to its folder.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The definitions, in the file's order.</returns>
    /// <exception cref="DatabrainValidationException">
    /// The file is not valid: every problem at once (each entry's own rules, a name that appears twice, an unknown type,
    /// a missing variable or file), each naming the entry and field (<c>[2].credentials.password</c>), never a value.
    /// </exception>
    /// <exception cref="DatabrainInvalidJsonException">The file is not JSON at all: the line and column where reading stopped, no text quoted.</exception>
    /// <exception cref="IOException">The file itself cannot be read.</exception>
    public static async Task<IReadOnlyList<DatasourceDefinition>> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        var fullPath = Path.GetFullPath(path);
        cancellationToken.ThrowIfCancellationRequested();
        string json;
        using (var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous | FileOptions.SequentialScan))
        using (var reader = new StreamReader(stream))
        {
            json = await reader.ReadToEndAsync().ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return DefinitionFileReader.Read(json, Path.GetDirectoryName(fullPath)!, Environment.GetEnvironmentVariable);
    }

    /// <summary>Reads and validates a definitions file's text.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="baseDirectory">The folder <c>${file:PATH}</c> references resolve against.</param>
    /// <returns>The definitions, in the text's order.</returns>
    /// <exception cref="DatabrainValidationException">The text is not valid: every problem at once.</exception>
    /// <exception cref="DatabrainInvalidJsonException">The text is not JSON at all: the line and column where reading stopped, no text quoted.</exception>
    public static IReadOnlyList<DatasourceDefinition> Parse(string json, string baseDirectory) =>
        Parse(json, baseDirectory, Environment.GetEnvironmentVariable);

    /// <summary>
    /// Reads and validates a definitions file's text, with <c>${env:NAME}</c> read from <paramref name="environment"/>
    /// instead of the process's environment (a tool's own view of it, a test's).
    /// </summary>
    /// <param name="json">The file's text (from standard input, say).</param>
    /// <param name="baseDirectory">The folder <c>${file:PATH}</c> references resolve against.</param>
    /// <param name="environment">Gives a variable's value, or <see langword="null"/> when it is not set.</param>
    /// <returns>The definitions, in the text's order.</returns>
    /// <exception cref="DatabrainValidationException">The text is not valid: every problem at once.</exception>
    /// <exception cref="DatabrainInvalidJsonException">The text is not JSON at all: the line and column where reading stopped, no text quoted.</exception>
    public static IReadOnlyList<DatasourceDefinition> Parse(string json, string baseDirectory, Func<string, string?> environment)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        if (baseDirectory is null)
        {
            throw new ArgumentNullException(nameof(baseDirectory));
        }

        if (environment is null)
        {
            throw new ArgumentNullException(nameof(environment));
        }

        return DefinitionFileReader.Read(json, Path.GetFullPath(baseDirectory), environment);
    }
}
