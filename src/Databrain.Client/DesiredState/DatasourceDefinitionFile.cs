namespace Databrain.Client.DesiredState;

/// <summary>
/// Reads a definitions file: a JSON array whose items are exactly the create request bodies of the DataBrain API
/// (<c>{"datasourceType": ..., "credentials": {...}, "tenancySettings": {...}}</c>). A string value may reference a
/// secret instead of holding it: <c>${env:NAME}</c> (an environment variable) or <c>${file:PATH}</c> (a file's text,
/// the path relative to the definitions file), resolved when the file is read.
/// </summary>
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
    /// <exception cref="IOException">The file itself cannot be read.</exception>
    public static Task<IReadOnlyList<DatasourceDefinition>> LoadAsync(string path, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>Reads and validates a definitions file's text.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="baseDirectory">The folder <c>${file:PATH}</c> references resolve against.</param>
    /// <returns>The definitions, in the text's order.</returns>
    /// <exception cref="DatabrainValidationException">The text is not valid: every problem at once.</exception>
    public static IReadOnlyList<DatasourceDefinition> Parse(string json, string baseDirectory) =>
        throw new NotImplementedException();
}
