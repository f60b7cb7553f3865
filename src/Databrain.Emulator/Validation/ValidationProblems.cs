namespace Databrain.Emulator.Validation;

/// <summary>
/// The problems found in one request, in the order found, at most one per wire path. A reason
/// describes the rule that was broken and never contains the value that broke it.
/// </summary>
internal sealed class ValidationProblems
{
    private readonly List<KeyValuePair<string, string>> _problems = [];

    public bool IsEmpty => _problems.Count == 0;

    public IEnumerable<string> Paths => _problems.Select(problem => problem.Key);

    public void Add(string path, string reason)
    {
        if (_problems.Exists(problem => string.Equals(problem.Key, path, StringComparison.Ordinal)))
        {
            return;
        }

        _problems.Add(new(path, reason));
    }

    public string ToMessage() =>
        "Invalid request body: " + string.Join("; ", _problems.Select(problem => problem.Key + " " + problem.Value)) + ".";
}
