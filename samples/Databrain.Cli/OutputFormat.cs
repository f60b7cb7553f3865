namespace Databrain.Cli;

/// <summary>What a successful command prints on standard output (errors are always text on standard error).</summary>
internal enum OutputFormat
{
    /// <summary>Short lines for people: <c>created: NAME</c>, one datasource name per line.</summary>
    Text,

    /// <summary>One JSON document on one line, for scripts.</summary>
    Json,
}
