using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace ImdsAnalyzers.Flow
{
    /// <summary>One <see cref="BodyIndex"/> per body and compilation, shared by every object created in that body.</summary>
    internal sealed class BodyIndexCache
    {
        private static readonly ConditionalWeakTable<IOperation, BodyIndex>.CreateValueCallback Build = BodyIndex.Build;

        private readonly ConditionalWeakTable<IOperation, BodyIndex> indexes = new ConditionalWeakTable<IOperation, BodyIndex>();

        public ObjectFlow FlowFor(IOperation operation) => new ObjectFlow(indexes.GetValue(operation.Root(), Build));
    }
}
