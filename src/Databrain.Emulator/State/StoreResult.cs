namespace Databrain.Emulator.State;

/// <summary>What a change to the store came to.</summary>
internal enum StoreResult
{
    Done,
    NameTaken,
    NotFound,
    TypeMismatch,
    InUse,
}
