using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ImdsAnalyzers.MetadataCalls
{
    /// <summary>Argument lookup by parameter, which also works for named and reordered arguments.</summary>
    internal static class OperationArguments
    {
        public static IOperation? ValueAt(IInvocationOperation invocation, int ordinal) => ValueAt(invocation.Arguments, ordinal);

        public static IOperation? ValueAt(IReadOnlyList<IArgumentOperation> arguments, int ordinal)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Ordinal == ordinal)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        /// <summary>The argument written for the parameter, or null when the call leaves it to its default.</summary>
        public static IArgumentOperation? Explicit(IInvocationOperation invocation, string parameterName)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == parameterName && !argument.IsImplicit)
                {
                    return argument;
                }
            }

            return null;
        }
    }
}
