namespace Databrain.Soak;

/// <summary>One invariant of a soak run, with the figure it was judged on.</summary>
/// <param name="Name">What must hold.</param>
/// <param name="Figure">What was measured.</param>
/// <param name="Holds">Whether it held.</param>
public sealed record SoakInvariant(string Name, string Figure, bool Holds);
