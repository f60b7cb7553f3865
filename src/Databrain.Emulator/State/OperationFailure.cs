namespace Databrain.Emulator.State;

/// <summary>A per-operation failure rule: answer requests of <paramref name="Operation"/> with <paramref name="Fault"/> when <paramref name="Trigger"/> fires.</summary>
/// <param name="Operation">The operation it applies to.</param>
/// <param name="Fault">The answer.</param>
/// <param name="Trigger">Which requests it hits.</param>
internal sealed record OperationFailure(EmulatorOperation Operation, InjectedFault Fault, FaultTrigger Trigger);
