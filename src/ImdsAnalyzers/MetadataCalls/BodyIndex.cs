using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using ImdsAnalyzers.Flow;

namespace ImdsAnalyzers.MetadataCalls
{
    /// <summary>
    /// Every reference to a local, parameter, field or property in one executable body, and every local's
    /// declarator, grouped by symbol. Built once per body, and only when a sender in it needs a value
    /// traced; the many senders of one body share it.
    /// </summary>
    internal sealed class BodyIndex
    {
        private static readonly IReadOnlyList<IOperation> None = new IOperation[0];

        private readonly Dictionary<ISymbol, List<IOperation>> _references = new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);

        private BodyIndex(IOperation root)
        {
            Root = root;
            foreach (var operation in root.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case ILocalReferenceOperation local:
                        Add(local.Local, operation);
                        break;
                    case IParameterReferenceOperation parameter:
                        Add(parameter.Parameter, operation);
                        break;
                    case IFieldReferenceOperation field when field.Instance.IsOwnMember():
                        Add(field.Field, operation);
                        break;
                    case IPropertyReferenceOperation property when property.Arguments.Length == 0 && property.Instance.IsOwnMember():
                        Add(property.Property, operation);
                        break;
                    case IVariableDeclaratorOperation declarator:
                        Add(declarator.Symbol, operation);
                        break;
                }
            }
        }

        public IOperation Root { get; }

        /// <summary>References and declarators of the symbol, in source order.</summary>
        public IReadOnlyList<IOperation> ReferencesTo(ISymbol symbol) =>
            _references.TryGetValue(symbol, out var list) ? list : None;

        private void Add(ISymbol symbol, IOperation operation)
        {
            if (!_references.TryGetValue(symbol, out var list))
            {
                list = new List<IOperation>();
                _references.Add(symbol, list);
            }

            list.Add(operation);
        }

        /// <summary>
        /// Per-compilation caches: body indexes by root operation (entries die with the operation trees they
        /// describe) and member set-up by field or property.
        /// </summary>
        internal sealed class Cache
        {
            private static readonly ConditionalWeakTable<IOperation, BodyIndex>.CreateValueCallback Create = root => new BodyIndex(root);

            private readonly ConditionalWeakTable<IOperation, BodyIndex> _table = new ConditionalWeakTable<IOperation, BodyIndex>();
            private readonly ConcurrentDictionary<ISymbol, TypeMemberUses> _members = new ConcurrentDictionary<ISymbol, TypeMemberUses>(SymbolEqualityComparer.Default);

            private readonly ConcurrentDictionary<ISymbol, TrackedObject> _setUps = new ConcurrentDictionary<ISymbol, TrackedObject>(SymbolEqualityComparer.Default);

            public BodyIndex For(IOperation operation) => _table.GetValue(operation.Root(), Create);

            /// <summary>What a field or property gets outside the body being analysed, computed once per member.</summary>
            public TrackedObject TrackedSetUpOf(ISymbol member, System.Func<ISymbol, TrackedObject> scan) => _setUps.GetOrAdd(member, scan);

            public TypeMemberUses UsesOf(ISymbol member, SemanticModel model, CancellationToken cancellationToken)
            {
                if (_members.TryGetValue(member, out var uses))
                {
                    return uses;
                }

                return _members.GetOrAdd(member, TypeMemberUses.Build(member, model, cancellationToken));
            }
        }
    }
}
