using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ImdsAnalyzers.Flow
{
    /// <summary>
    /// The assignments and local declarations of one body, gathered in a single walk so that
    /// every request or props object created in that body can be traced without walking it again.
    /// </summary>
    internal sealed class BodyIndex
    {
        private readonly MemberPath?[] targets;

        private BodyIndex(List<ISimpleAssignmentOperation> assignments, List<IVariableDeclaratorOperation> declarators)
        {
            Assignments = assignments;
            Declarators = declarators;
            targets = new MemberPath?[assignments.Count];
            for (var i = 0; i < assignments.Count; i++)
            {
                if (MemberPath.TryRead(assignments[i].Target, out var target, out var startsAtInitializer) && !startsAtInitializer)
                {
                    targets[i] = target;
                }
            }
        }

        public List<ISimpleAssignmentOperation> Assignments { get; }

        public List<IVariableDeclaratorOperation> Declarators { get; }

        public static BodyIndex Build(IOperation root)
        {
            var assignments = new List<ISimpleAssignmentOperation>();
            var declarators = new List<IVariableDeclaratorOperation>();
            var pending = new Stack<IOperation>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                var operation = pending.Pop();
                if (operation is ISimpleAssignmentOperation assignment)
                {
                    assignments.Add(assignment);
                }
                else if (operation is IVariableDeclaratorOperation declarator)
                {
                    declarators.Add(declarator);
                }

                foreach (var child in operation.ChildOperations)
                {
                    if (child is not null)
                    {
                        pending.Push(child);
                    }
                }
            }

            // The stack visits later statements first; source order keeps fixes and reports stable.
            assignments.Sort(BySourcePosition);
            declarators.Sort(BySourcePosition);
            return new BodyIndex(assignments, declarators);
        }

        /// <summary>The place an assignment outside any object initializer writes to, such as <c>request.MetadataOptions</c>.</summary>
        public bool TryGetTarget(int assignmentIndex, out MemberPath target)
        {
            var found = targets[assignmentIndex];
            target = found.GetValueOrDefault();
            return found.HasValue;
        }

        /// <summary>Every value stored in <paramref name="local"/>: its declaration's initializer and later plain assignments.</summary>
        public void AddValuesOf(ILocalSymbol local, List<IOperation> values)
        {
            foreach (var declarator in Declarators)
            {
                if (declarator.Initializer is not null && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
                {
                    values.Add(declarator.Initializer.Value);
                }
            }

            foreach (var assignment in Assignments)
            {
                if (assignment.Target is ILocalReferenceOperation target && SymbolEqualityComparer.Default.Equals(target.Local, local))
                {
                    values.Add(assignment.Value);
                }
            }
        }

        /// <summary>Reads of <paramref name="local"/> that are stored somewhere else: <c>var b = a;</c>, <c>x.P = a;</c>, <c>new T { P = a }</c>.</summary>
        public void AddStoresOf(ILocalSymbol local, List<IOperation> references)
        {
            foreach (var declarator in Declarators)
            {
                if (declarator.Initializer is not null && IsReferenceTo(declarator.Initializer.Value, local))
                {
                    references.Add(declarator.Initializer.Value);
                }
            }

            foreach (var assignment in Assignments)
            {
                if (IsReferenceTo(assignment.Value, local))
                {
                    references.Add(assignment.Value);
                }
            }
        }

        private static bool IsReferenceTo(IOperation value, ILocalSymbol local) =>
            value.WithoutBuiltInConversions() is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local);

        private static int BySourcePosition(IOperation x, IOperation y) => x.Syntax.SpanStart.CompareTo(y.Syntax.SpanStart);
    }
}
