using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ImdsAnalyzers.Flow
{
    internal static class OperationExtensions
    {
        /// <summary>Strips implicit and explicit conversions that are not user-defined (nullable wrapping, boxing, reference casts).</summary>
        public static IOperation WithoutBuiltInConversions(this IOperation operation)
        {
            while (operation is IConversionOperation conversion && conversion.OperatorMethod is null)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        public static bool IsNullOrDefaultLiteral(this IOperation operation)
        {
            var value = operation.WithoutBuiltInConversions();
            if (value is IDefaultValueOperation)
            {
                return true;
            }

            return value.Kind == OperationKind.Literal && value.ConstantValue.HasValue && value.ConstantValue.Value is null;
        }

        /// <summary>Whether anything other than null is among the values a body stores.</summary>
        public static bool AnyNonNull(this List<IOperation> values)
        {
            foreach (var value in values)
            {
                if (!value.IsNullOrDefaultLiteral())
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The outermost operation of the body (method, accessor, lambda's enclosing method, field initializer) that holds <paramref name="operation"/>.</summary>
        public static IOperation Root(this IOperation operation)
        {
            while (operation.Parent is not null)
            {
                operation = operation.Parent;
            }

            return operation;
        }

        /// <summary>Static members and members of <c>this</c>; a field of another object is another value.</summary>
        public static bool IsOwnMember(this IOperation? instance) =>
            instance is null || (instance is IInstanceReferenceOperation reference && reference.ReferenceKind == InstanceReferenceKind.ContainingTypeInstance);

        /// <summary><c>T</c> for <c>T?</c> when T is a value type; the type itself otherwise.</summary>
        public static ITypeSymbol WithoutNullable(this ITypeSymbol type) =>
            type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

        public static bool IsOrDerivesFrom(this ITypeSymbol? type, INamedTypeSymbol? candidateBase)
        {
            if (candidateBase is null)
            {
                return false;
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, candidateBase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
