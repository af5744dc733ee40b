using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ImdsAnalyzers.Flow;

namespace ImdsAnalyzers.MetadataCalls
{
    /// <summary>
    /// Where a field or property is set up outside the method being analysed: every reference in its type's
    /// constructors, and header set-up (<c>x.Headers...</c>, <c>x.DefaultRequestHeaders...</c>) in the type's
    /// other methods. Built once per member. Only methods whose text names the member are bound, so a large
    /// type costs a token scan, not a second binding of every method.
    /// </summary>
    internal sealed class TypeMemberUses
    {
        private static readonly IReadOnlyList<Use> None = new Use[0];

        private readonly List<Use> _uses = new List<Use>();

        private TypeMemberUses()
        {
        }

        public IReadOnlyList<Use> Uses => _uses.Count == 0 ? None : _uses;

        public static TypeMemberUses Build(ISymbol member, SemanticModel model, CancellationToken cancellationToken)
        {
            var result = new TypeMemberUses();
            var type = member.ContainingType;
            foreach (var candidate in type.GetMembers())
            {
                if (!(candidate is IMethodSymbol method))
                {
                    continue;
                }

                var inConstructor = method.MethodKind == MethodKind.Constructor || method.MethodKind == MethodKind.StaticConstructor;
                if (!inConstructor && method.MethodKind != MethodKind.Ordinary)
                {
                    continue;
                }

                foreach (var reference in method.DeclaringSyntaxReferences)
                {
                    var syntax = reference.GetSyntax(cancellationToken);
                    if (!(syntax is BaseMethodDeclarationSyntax) || !Mentions(syntax, member.Name))
                    {
                        continue;
                    }

                    var operation = ValueTracer.ModelFor(model, syntax.SyntaxTree)?.GetOperation(syntax, cancellationToken);
                    if (operation != null)
                    {
                        result.AddBody(operation, member, inConstructor);
                    }
                }
            }

            return result;
        }

        private static bool Mentions(SyntaxNode syntax, string name)
        {
            foreach (var token in syntax.DescendantTokens())
            {
                if (token.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken) && token.ValueText == name)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Walks the body once without indexing it: only references to the member that matter are kept.</summary>
        private void AddBody(IOperation body, ISymbol member, bool inConstructor)
        {
            foreach (var operation in body.DescendantsAndSelf())
            {
                ISymbol? referenced;
                switch (operation)
                {
                    case IFieldReferenceOperation field when field.Instance.IsOwnMember():
                        referenced = field.Field;
                        break;
                    case IPropertyReferenceOperation property when property.Arguments.Length == 0 && property.Instance.IsOwnMember():
                        referenced = property.Property;
                        break;
                    default:
                        continue;
                }

                if (SymbolEqualityComparer.Default.Equals(referenced, member) && (inConstructor || IsHeaderSetUp(operation)))
                {
                    _uses.Add(new Use(operation, inConstructor));
                }
            }
        }

        private static bool IsHeaderSetUp(IOperation reference) =>
            reference.Parent is IPropertyReferenceOperation property
            && property.Instance == reference
            && (property.Property.Name == "Headers" || property.Property.Name == "DefaultRequestHeaders");

        internal readonly struct Use
        {
            public Use(IOperation reference, bool inConstructor)
            {
                Reference = reference;
                InConstructor = inConstructor;
            }

            public IOperation Reference { get; }

            public bool InConstructor { get; }
        }
    }
}
