using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ImdsAnalyzers.MetadataCalls
{
    /// <summary>
    /// Follows locals, fields and properties back to the value they hold where they are read: the
    /// nearest earlier assignment in the same body, else a field or property initializer, else the one
    /// assignment in a constructor. Anything less certain (ref/out, several constructor writes) is unknown.
    /// </summary>
    internal sealed class ValueTracer
    {
        public const int MaxDepth = 12;

        private readonly BodyIndex.Cache _cache;

        public ValueTracer(BodyIndex.Cache cache, CancellationToken cancellationToken)
        {
            _cache = cache;
            CancellationToken = cancellationToken;
        }

        public CancellationToken CancellationToken { get; }

        public BodyIndex IndexFor(IOperation operation) => _cache.For(operation);

        public BodyIndex.Cache Cache => _cache;

        public static IOperation Unwrap(IOperation operation)
        {
            var current = operation;
            while (true)
            {
                switch (current)
                {
                    case IConversionOperation conversion when !conversion.Conversion.IsUserDefined:
                        current = conversion.Operand;
                        break;
                    case IParenthesizedOperation parenthesized:
                        current = parenthesized.Operand;
                        break;
                    default:
                        return current;
                }
            }
        }

        /// <summary>The symbol a reference reads, when it is one the tracer can follow.</summary>
        public static ISymbol? ReferencedSymbol(IOperation operation)
        {
            switch (operation)
            {
                case ILocalReferenceOperation local:
                    return local.Local;
                case IParameterReferenceOperation parameter:
                    return parameter.Parameter;
                case IFieldReferenceOperation field:
                    return field.Field;
                case IPropertyReferenceOperation property when property.Arguments.Length == 0:
                    return property.Property;
                default:
                    return null;
            }
        }

        /// <summary>
        /// Follows references until an operation that is not a reference. The result is the assigned value,
        /// or an <see cref="ICompoundAssignmentOperation"/> when the last write appended to the old value.
        /// Null when the value cannot be known.
        /// </summary>
        public IOperation? Trace(IOperation operation, int depth = 0)
        {
            var current = Unwrap(operation);
            for (; depth < MaxDepth; depth++)
            {
                CancellationToken.ThrowIfCancellationRequested();
                var symbol = ReferencedSymbol(current);
                if (symbol is null)
                {
                    return current;
                }

                if (!TryFindValue(current, out var value) || value is null)
                {
                    // A field or property with no visible value (HttpMethod.Put, a library setting) is itself the best description.
                    return symbol is IFieldSymbol || symbol is IPropertySymbol ? current : null;
                }

                if (value is ICompoundAssignmentOperation)
                {
                    return value;
                }

                current = Unwrap(value);
            }

            return null;
        }

        /// <summary>The value the referenced symbol holds at <paramref name="reference"/>, or false when unknown.</summary>
        public bool TryFindValue(IOperation reference, out IOperation? value)
        {
            value = null;
            var symbol = ReferencedSymbol(reference);
            if (symbol is null)
            {
                return false;
            }

            if (IsOwnOrStatic(reference) && TryFindEarlierWrite(IndexFor(reference), symbol, reference.Syntax.SpanStart, out value))
            {
                return value != null;
            }

            switch (symbol)
            {
                case IFieldSymbol field when !field.IsConst:
                    return TryFindMemberValue(field, reference.SemanticModel, out value);
                case IPropertySymbol property:
                    return TryFindMemberValue(property, reference.SemanticModel, out value);
                default:
                    return false;
            }
        }

        /// <summary>
        /// The last write to <paramref name="symbol"/> in the body that completes before <paramref name="position"/>.
        /// True with a null value when that write cannot be evaluated (ref/out, deconstruction, increment).
        /// </summary>
        public static bool TryFindEarlierWrite(BodyIndex index, ISymbol symbol, int position, out IOperation? value)
        {
            value = null;
            var bestEnd = -1;
            var found = false;
            foreach (var candidate in index.ReferencesTo(symbol))
            {
                if (!TryClassifyWrite(candidate, out var written, out var end) || end > position || end < bestEnd)
                {
                    continue;
                }

                bestEnd = end;
                value = written;
                found = true;
            }

            return found;
        }

        /// <summary>Whether a reference (or declarator) writes the symbol, and with what.</summary>
        public static bool TryClassifyWrite(IOperation reference, out IOperation? value, out int end)
        {
            value = null;
            end = reference.Syntax.Span.End;
            if (reference is IVariableDeclaratorOperation declarator)
            {
                var initializer = declarator.GetVariableInitializer();
                value = initializer?.Value;
                return value != null;
            }

            var parent = reference.Parent;
            if (parent is IDeclarationExpressionOperation)
            {
                reference = parent;
                parent = parent.Parent;
            }

            switch (parent)
            {
                case ISimpleAssignmentOperation assignment when assignment.Target == reference:
                    value = assignment.Value;
                    end = assignment.Syntax.Span.End;
                    return true;
                case ICompoundAssignmentOperation compound when compound.Target == reference:
                    value = compound;
                    end = compound.Syntax.Span.End;
                    return true;
                case IArgumentOperation argument when argument.Parameter != null && argument.Parameter.RefKind != RefKind.None && argument.Parameter.RefKind != RefKind.In:
                case IIncrementOrDecrementOperation _:
                case ITupleOperation _:
                case IDeconstructionAssignmentOperation _:
                    end = parent.Syntax.Span.End;
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>Where the member's type sets it up outside the current body (constructors, header set-up).</summary>
        public IReadOnlyList<TypeMemberUses.Use> MemberUses(ISymbol member, SemanticModel? model) =>
            model is null || member.ContainingType is null
                ? (IReadOnlyList<TypeMemberUses.Use>)new TypeMemberUses.Use[0]
                : _cache.UsesOf(member, model, CancellationToken).Uses;

        /// <summary>
        /// The semantic model of another file of the same compilation. Needed only when a field, property or
        /// constructor that a sender depends on lives in another file, which is rare; the driver caches models.
        /// </summary>
        public static SemanticModel? ModelFor(SemanticModel model, SyntaxTree tree)
        {
            if (model.SyntaxTree == tree)
            {
                return model;
            }

            if (!model.Compilation.ContainsSyntaxTree(tree))
            {
                return null;
            }

#pragma warning disable RS1030 // The member lives in another file; there is no analysis context for that file here.
            return model.Compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
        }

        private static bool IsOwnOrStatic(IOperation reference)
        {
            switch (reference)
            {
                case IFieldReferenceOperation field:
                    return field.Instance is null || field.Instance is IInstanceReferenceOperation;
                case IPropertyReferenceOperation property:
                    return property.Instance is null || property.Instance is IInstanceReferenceOperation;
                default:
                    return true;
            }
        }

        private bool TryFindMemberValue(ISymbol member, SemanticModel? model, out IOperation? value)
        {
            value = null;
            if (model is null)
            {
                return false;
            }

            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax(CancellationToken);
                var memberModel = ModelFor(model, syntax.SyntaxTree);
                if (memberModel is null)
                {
                    continue;
                }

                var expression = InitialValueSyntax(syntax);
                if (expression != null)
                {
                    value = memberModel.GetOperation(expression, CancellationToken);
                    return value != null;
                }
            }

            // No initializer: a read-only member assigned exactly once in the constructors.
            if (!IsAssignedOnlyInConstructors(member))
            {
                return false;
            }

            var writes = 0;
            foreach (var use in MemberUses(member, model))
            {
                if (use.InConstructor && TryClassifyWrite(use.Reference, out var written, out _))
                {
                    writes++;
                    value = written;
                }
            }

            return writes == 1 && value != null;
        }

        private static bool IsAssignedOnlyInConstructors(ISymbol member)
        {
            switch (member)
            {
                case IFieldSymbol field:
                    return field.IsReadOnly;
                case IPropertySymbol property:
                    return property.SetMethod is null || property.SetMethod.IsInitOnly;
                default:
                    return false;
            }
        }

        private static SyntaxNode? InitialValueSyntax(SyntaxNode declaration)
        {
            switch (declaration)
            {
                case VariableDeclaratorSyntax variable:
                    return variable.Initializer?.Value;
                case PropertyDeclarationSyntax property:
                    if (property.Initializer != null)
                    {
                        return property.Initializer.Value;
                    }

                    if (property.ExpressionBody != null)
                    {
                        return property.ExpressionBody.Expression;
                    }

                    if (property.AccessorList != null)
                    {
                        foreach (var accessor in property.AccessorList.Accessors)
                        {
                            if (!accessor.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.GetAccessorDeclaration))
                            {
                                continue;
                            }

                            if (accessor.ExpressionBody != null)
                            {
                                return accessor.ExpressionBody.Expression;
                            }

                            if (accessor.Body != null && accessor.Body.Statements.Count == 1 && accessor.Body.Statements[0] is ReturnStatementSyntax returned)
                            {
                                return returned.Expression;
                            }
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }
    }
}
