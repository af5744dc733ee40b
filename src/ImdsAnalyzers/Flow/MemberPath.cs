using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ImdsAnalyzers.Flow
{
    /// <summary>
    /// A place that holds an object within one body: a local, parameter or field, followed by
    /// property names (<c>request</c>, <c>request.LaunchTemplateData</c>).
    /// </summary>
    internal readonly struct MemberPath
    {
        public MemberPath(ISymbol root, string[] properties)
        {
            Root = root;
            Properties = properties;
        }

        public ISymbol Root { get; }

        public string[] Properties { get; }

        public MemberPath Append(string[] more)
        {
            if (more.Length == 0)
            {
                return this;
            }

            var combined = new string[Properties.Length + more.Length];
            Properties.CopyTo(combined, 0);
            more.CopyTo(combined, Properties.Length);
            return new MemberPath(Root, combined);
        }

        public bool SameAs(MemberPath other)
        {
            if (!SymbolEqualityComparer.Default.Equals(Root, other.Root) || Properties.Length != other.Properties.Length)
            {
                return false;
            }

            for (var i = 0; i < Properties.Length; i++)
            {
                if (Properties[i] != other.Properties[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Reads an assignment target such as <c>request.MetadataOptions.HttpTokens</c>. A target that
        /// starts at the implicit receiver of an object initializer yields only the property names, and
        /// <paramref name="startsAtInitializer"/> is set.
        /// </summary>
        public static bool TryRead(IOperation target, out MemberPath path, out bool startsAtInitializer)
        {
            path = default;
            startsAtInitializer = false;
            var properties = new List<string>();
            IPropertySymbol? outermostProperty = null;
            var current = target.WithoutBuiltInConversions();
            while (current is IPropertyReferenceOperation property)
            {
                if (!property.Arguments.IsEmpty)
                {
                    return false;
                }

                properties.Insert(0, property.Property.Name);
                outermostProperty = property.Property;
                if (property.Instance is null)
                {
                    current = null;
                    break;
                }

                current = property.Instance.WithoutBuiltInConversions();
            }

            ISymbol? root;
            switch (current)
            {
                case ILocalReferenceOperation local:
                    root = local.Local;
                    break;
                case IParameterReferenceOperation parameter:
                    root = parameter.Parameter;
                    break;
                case IFieldReferenceOperation field when field.Instance.IsOwnMember():
                    root = field.Field;
                    break;
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }:
                    if (properties.Count == 0)
                    {
                        return false;
                    }

                    startsAtInitializer = true;
                    path = new MemberPath(outermostProperty!, properties.ToArray());
                    return true;
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                case null:
                    // this.Request.MetadataOptions, or a static property: the first property is the root.
                    if (outermostProperty is null)
                    {
                        return false;
                    }

                    root = outermostProperty;
                    properties.RemoveAt(0);
                    break;
                default:
                    return false;
            }

            path = new MemberPath(root, properties.ToArray());
            return true;
        }
    }
}
