using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ImdsAnalyzers.Flow
{
    /// <summary>
    /// Finds what a body stores in a property path of an object it creates: in the object
    /// initializer, in nested initializers, and in later assignments through the variables and
    /// properties that hold the object (<c>request.MetadataOptions.HttpTokens = ...</c>).
    /// The search is flow-insensitive: an assignment anywhere in the body counts.
    /// </summary>
    internal sealed class ObjectFlow
    {
        private const int MaxAliases = 16;
        private const int MaxNesting = 4;

        private readonly BodyIndex index;
        private readonly HashSet<ISymbol> visitedLocals = new HashSet<ISymbol>(SymbolEqualityComparer.Default);

        public ObjectFlow(BodyIndex index)
        {
            this.index = index;
        }

        /// <summary>
        /// The values assigned to <paramref name="path"/> below the object that <paramref name="objectExpression"/>
        /// denotes. An object along the way that comes from somewhere this body cannot see (a call, a
        /// parameter) is returned in place of the value, because it may carry the setting. Null literals
        /// along the way carry nothing and are skipped.
        /// </summary>
        public List<IOperation> FindValues(IOperation objectExpression, params string[] path)
        {
            var values = new List<IOperation>();
            visitedLocals.Clear();
            if (objectExpression.WithoutBuiltInConversions() is IObjectCreationOperation creation)
            {
                CollectFromInitializer(creation.Initializer, path, 0, values);
                foreach (var alias in AliasesOf(creation))
                {
                    ScanAssignments(alias, path, 0, values);
                }
            }
            else
            {
                CollectFromValue(objectExpression, path, 0, values);
            }

            return values;
        }

        /// <summary>Every value stored in <paramref name="local"/> within the body.</summary>
        public List<IOperation> ValuesOf(ILocalSymbol local)
        {
            var values = new List<IOperation>();
            index.AddValuesOf(local, values);
            return values;
        }

        /// <summary>The places that hold the object created by <paramref name="creation"/>, following locals it is copied into.</summary>
        public List<MemberPath> AliasesOf(IObjectCreationOperation creation)
        {
            var aliases = new List<MemberPath>();
            AddDirectAliases(creation, aliases, 0);
            var references = new List<IOperation>();
            var found = new List<MemberPath>();
            for (var i = 0; i < aliases.Count && aliases.Count < MaxAliases; i++)
            {
                if (aliases[i].Root is not ILocalSymbol local)
                {
                    continue;
                }

                references.Clear();
                index.AddStoresOf(local, references);
                foreach (var reference in references)
                {
                    found.Clear();
                    AddDirectAliases(reference, found, 0);
                    foreach (var holder in found)
                    {
                        AddIfNew(aliases, holder.Append(aliases[i].Properties));
                    }
                }
            }

            return aliases;
        }

        /// <summary>
        /// The objects whose <paramref name="property"/> is set to the object <paramref name="creation"/> makes,
        /// directly or through a local: <c>new Outer { P = inner }</c> gives the <c>new Outer</c>, <c>outer.P = inner</c> gives <c>outer</c>.
        /// </summary>
        public List<IOperation> FindHolders(IObjectCreationOperation creation, string property)
        {
            var occurrences = new List<IOperation> { creation };
            foreach (var alias in AliasesOf(creation))
            {
                if (alias.Root is ILocalSymbol local && alias.Properties.Length == 0)
                {
                    index.AddStoresOf(local, occurrences);
                }
            }

            var holders = new List<IOperation>();
            foreach (var occurrence in occurrences)
            {
                if (StoringAssignment(occurrence, out var current) is not { } assignment
                    || assignment.Target is not IPropertyReferenceOperation target
                    || target.Property.Name != property
                    || target.Instance is null)
                {
                    continue;
                }

                if (target.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver })
                {
                    if (TryGetInitializerOwner(assignment, out var owner, out var prefix) && prefix.Length == 0)
                    {
                        holders.Add(owner);
                    }
                }
                else
                {
                    holders.Add(target.Instance);
                }
            }

            return holders;
        }

        /// <summary>The object creation whose initializer holds <paramref name="member"/>, and the property names of any nested <c>P = { ... }</c> in between.</summary>
        public static bool TryGetInitializerOwner(IOperation member, out IObjectCreationOperation owner, out string[] prefix)
        {
            var names = new List<string>();
            var node = member.Parent;
            while (node is IObjectOrCollectionInitializerOperation initializer)
            {
                if (initializer.Parent is IObjectCreationOperation creation)
                {
                    owner = creation;
                    prefix = names.ToArray();
                    return true;
                }

                if (initializer.Parent is IMemberInitializerOperation { InitializedMember: IMemberReferenceOperation nested } memberInitializer)
                {
                    names.Insert(0, nested.Member.Name);
                    node = memberInitializer.Parent;
                    continue;
                }

                break;
            }

            owner = null!;
            prefix = System.Array.Empty<string>();
            return false;
        }

        private static ISimpleAssignmentOperation? StoringAssignment(IOperation occurrence, out IOperation current)
        {
            current = occurrence;
            var parent = current.Parent;
            while (parent is IConversionOperation conversion && conversion.OperatorMethod is null)
            {
                current = parent;
                parent = parent.Parent;
            }

            return parent is ISimpleAssignmentOperation assignment && assignment.Value == current ? assignment : null;
        }

        private static void AddIfNew(List<MemberPath> aliases, MemberPath candidate)
        {
            foreach (var existing in aliases)
            {
                if (existing.SameAs(candidate))
                {
                    return;
                }
            }

            aliases.Add(candidate);
        }

        private void AddDirectAliases(IOperation occurrence, List<MemberPath> aliases, int nesting)
        {
            if (nesting > MaxNesting)
            {
                return;
            }

            var assignment = StoringAssignment(occurrence, out var current);
            if (assignment is null)
            {
                if (current.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
                {
                    AddIfNew(aliases, new MemberPath(declarator.Symbol, System.Array.Empty<string>()));
                }

                return;
            }

            if (!MemberPath.TryRead(assignment.Target, out var target, out var startsAtInitializer))
            {
                return;
            }

            if (!startsAtInitializer)
            {
                AddIfNew(aliases, target);
                return;
            }

            if (!TryGetInitializerOwner(assignment, out var owner, out var prefix))
            {
                return;
            }

            var ownerAliases = new List<MemberPath>();
            AddDirectAliases(owner, ownerAliases, nesting + 1);
            foreach (var ownerAlias in ownerAliases)
            {
                AddIfNew(aliases, ownerAlias.Append(prefix).Append(target.Properties));
            }
        }

        private void CollectFromValue(IOperation value, string[] path, int depth, List<IOperation> values)
        {
            if (depth == path.Length)
            {
                values.Add(value);
                return;
            }

            var unwrapped = value.WithoutBuiltInConversions();
            switch (unwrapped)
            {
                case IObjectCreationOperation creation:
                    CollectFromInitializer(creation.Initializer, path, depth, values);
                    break;
                case ILocalReferenceOperation reference:
                    if (visitedLocals.Add(reference.Local))
                    {
                        var stored = new List<IOperation>();
                        index.AddValuesOf(reference.Local, stored);
                        foreach (var source in stored)
                        {
                            CollectFromValue(source, path, depth, values);
                        }

                        ScanAssignments(new MemberPath(reference.Local, System.Array.Empty<string>()), path, depth, values);
                    }

                    break;
                default:
                    if (!unwrapped.IsNullOrDefaultLiteral())
                    {
                        values.Add(unwrapped);
                    }

                    break;
            }
        }

        private void CollectFromInitializer(IObjectOrCollectionInitializerOperation? initializer, string[] path, int depth, List<IOperation> values)
        {
            if (initializer is null)
            {
                return;
            }

            foreach (var member in initializer.Initializers)
            {
                if (member is ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } assignment
                    && target.Member.Name == path[depth])
                {
                    CollectFromValue(assignment.Value, path, depth + 1, values);
                }
                else if (member is IMemberInitializerOperation { InitializedMember: IMemberReferenceOperation nested } memberInitializer
                    && nested.Member.Name == path[depth])
                {
                    if (depth + 1 == path.Length)
                    {
                        values.Add(memberInitializer);
                    }
                    else
                    {
                        CollectFromInitializer(memberInitializer.Initializer, path, depth + 1, values);
                    }
                }
            }
        }

        private void ScanAssignments(MemberPath alias, string[] path, int depth, List<IOperation> values)
        {
            for (var i = 0; i < index.Assignments.Count; i++)
            {
                if (!index.TryGetTarget(i, out var target)
                    || !SymbolEqualityComparer.Default.Equals(target.Root, alias.Root))
                {
                    continue;
                }

                var rest = target.Properties.Length - alias.Properties.Length;
                if (rest < 1 || depth + rest > path.Length || !Matches(target.Properties, alias.Properties, path, depth))
                {
                    continue;
                }

                CollectFromValue(index.Assignments[i].Value, path, depth + rest, values);
            }
        }

        private static bool Matches(string[] target, string[] prefix, string[] path, int depth)
        {
            for (var i = 0; i < prefix.Length; i++)
            {
                if (target[i] != prefix[i])
                {
                    return false;
                }
            }

            for (var i = prefix.Length; i < target.Length; i++)
            {
                if (target[i] != path[depth + i - prefix.Length])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
