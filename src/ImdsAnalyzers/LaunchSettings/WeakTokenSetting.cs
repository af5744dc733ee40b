using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using ImdsAnalyzers.Flow;

namespace ImdsAnalyzers.LaunchSettings
{
    /// <summary>
    /// One property that decides whether tokens are required (an SDK HttpTokens, the region default,
    /// a CDK launch template's HttpTokens), with the values that weaken it and the value that fixes it.
    /// </summary>
    internal sealed class WeakTokenSetting
    {
        public const string StrongLiteralProperty = "StrongLiteral";
        public const string StrongTypeProperty = "StrongType";
        public const string StrongMemberProperty = "StrongMember";

        private readonly ImmutableArray<IFieldSymbol> weakFields;
        private readonly string[] weakLiterals;

        private WeakTokenSetting(IPropertySymbol property, INamedTypeSymbol? valueType, ImmutableArray<IFieldSymbol> weakFields, string[] weakLiterals, string? strongMember, string? strongLiteral)
        {
            Property = property;
            ValueType = valueType;
            this.weakFields = weakFields;
            this.weakLiterals = weakLiterals;
            Properties = CreateProperties(valueType, strongMember, strongLiteral);
        }

        public IPropertySymbol Property { get; }

        /// <summary>The SDK constant class or CDK enum the property holds; null for a plain string property.</summary>
        public INamedTypeSymbol? ValueType { get; }

        /// <summary>Tells the code fix what to write instead of the weak value.</summary>
        public ImmutableDictionary<string, string?> Properties { get; }

        public string DisplayName => Property.ContainingType.Name + "." + Property.Name;

        /// <summary>
        /// Every setting whose library the compilation references. SDK constant classes (ConstantClass)
        /// also take strings through an implicit conversion, so their wire values count as well.
        /// </summary>
        public static ImmutableArray<WeakTokenSetting> Resolve(Compilation compilation)
        {
            var settings = ImmutableArray.CreateBuilder<WeakTokenSetting>();
            AddSdk(settings, compilation, "Amazon.EC2.Model.InstanceMetadataOptionsRequest", "HttpTokens", "Amazon.EC2.HttpTokensState", new[] { "Optional" }, new[] { "optional" }, "Required", "required");
            AddSdk(settings, compilation, "Amazon.EC2.Model.ModifyInstanceMetadataOptionsRequest", "HttpTokens", "Amazon.EC2.HttpTokensState", new[] { "Optional" }, new[] { "optional" }, "Required", "required");
            AddSdk(settings, compilation, "Amazon.EC2.Model.LaunchTemplateInstanceMetadataOptionsRequest", "HttpTokens", "Amazon.EC2.LaunchTemplateHttpTokensState", new[] { "Optional" }, new[] { "optional" }, "Required", "required");
            AddSdk(settings, compilation, "Amazon.EC2.Model.ModifyInstanceMetadataDefaultsRequest", "HttpTokens", "Amazon.EC2.MetadataDefaultHttpTokensState", new[] { "Optional", "NoPreference" }, new[] { "optional", "no-preference" }, "Required", "required");
            AddSdk(settings, compilation, "Amazon.EC2.Model.ModifyInstanceMetadataDefaultsRequest", "HttpTokensEnforced", "Amazon.EC2.DefaultHttpTokensEnforcedState", new[] { "Disabled" }, new[] { "disabled" }, "Enabled", "enabled");

            // CDK: the L2 launch template takes an enum, the L1 property a CloudFormation string.
            AddSdk(settings, compilation, "Amazon.CDK.AWS.EC2.LaunchTemplateProps", "HttpTokens", "Amazon.CDK.AWS.EC2.LaunchTemplateHttpTokens", new[] { "OPTIONAL" }, Array.Empty<string>(), "REQUIRED", null);
            if (FindProperty(compilation, "Amazon.CDK.AWS.EC2.CfnLaunchTemplate+MetadataOptionsProperty", "HttpTokens") is { } cfnTokens)
            {
                settings.Add(new WeakTokenSetting(cfnTokens, null, ImmutableArray<IFieldSymbol>.Empty, new[] { "optional" }, null, "required"));
            }

            return settings.ToImmutable();
        }

        /// <summary>The weak value <paramref name="value"/> stands for ("optional"), or null when it is not weak or not known.</summary>
        public string? WeakValue(IOperation value)
        {
            var unwrapped = value.WithoutBuiltInConversions();
            if (ValueType is null)
            {
                return Weak(unwrapped.ConstantValue);
            }

            switch (unwrapped)
            {
                case IFieldReferenceOperation field:
                    for (var i = 0; i < weakFields.Length; i++)
                    {
                        if (SymbolEqualityComparer.Default.Equals(field.Field, weakFields[i]))
                        {
                            return weakLiterals.Length > 0 ? weakLiterals[i] : weakFields[i].Name;
                        }
                    }

                    return null;
                case IConversionOperation conversion when IsMemberOfValueType(conversion.OperatorMethod):
                    return Weak(conversion.Operand.ConstantValue);
                case IObjectCreationOperation creation when SymbolEqualityComparer.Default.Equals(creation.Type, ValueType) && creation.Arguments.Length == 1:
                    return Weak(creation.Arguments[0].Value.ConstantValue);
                case IInvocationOperation invocation when IsMemberOfValueType(invocation.TargetMethod) && invocation.TargetMethod.Name == "FindValue" && invocation.Arguments.Length == 1:
                    return Weak(invocation.Arguments[0].Value.ConstantValue);
                default:
                    return null;
            }
        }

        private bool IsMemberOfValueType(IMethodSymbol? method) =>
            method is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, ValueType);

        private string? Weak(Optional<object?> constant)
        {
            if (constant.HasValue && constant.Value is string text)
            {
                var trimmed = text.Trim();
                foreach (var literal in weakLiterals)
                {
                    if (string.Equals(trimmed, literal, StringComparison.OrdinalIgnoreCase))
                    {
                        return literal;
                    }
                }
            }

            return null;
        }

        private static void AddSdk(ImmutableArray<WeakTokenSetting>.Builder settings, Compilation compilation, string ownerName, string propertyName, string valueTypeName, string[] weakFieldNames, string[] weakLiterals, string strongMember, string? strongLiteral)
        {
            var property = FindProperty(compilation, ownerName, propertyName);
            var valueType = compilation.GetTypeByMetadataName(valueTypeName);
            if (property is null || valueType is null || !SymbolEqualityComparer.Default.Equals(property.Type.WithoutNullable(), valueType))
            {
                return;
            }

            var fields = ImmutableArray.CreateBuilder<IFieldSymbol>();
            var literals = new List<string>();
            for (var i = 0; i < weakFieldNames.Length; i++)
            {
                foreach (var member in valueType.GetMembers(weakFieldNames[i]))
                {
                    if (member is IFieldSymbol { IsStatic: true } field)
                    {
                        fields.Add(field);
                        if (weakLiterals.Length > 0)
                        {
                            literals.Add(weakLiterals[i]);
                        }
                    }
                }
            }

            settings.Add(new WeakTokenSetting(property, valueType, fields.ToImmutable(), weakLiterals.Length > 0 ? literals.ToArray() : weakLiterals, strongMember, strongLiteral));
        }

        private static IPropertySymbol? FindProperty(Compilation compilation, string ownerName, string propertyName)
        {
            var owner = compilation.GetTypeByMetadataName(ownerName);
            if (owner is null)
            {
                return null;
            }

            foreach (var member in owner.GetMembers(propertyName))
            {
                if (member is IPropertySymbol { IsStatic: false } property)
                {
                    return property;
                }
            }

            return null;
        }

        private static ImmutableDictionary<string, string?> CreateProperties(INamedTypeSymbol? valueType, string? strongMember, string? strongLiteral)
        {
            var builder = ImmutableDictionary.CreateBuilder<string, string?>();
            if (strongLiteral is not null)
            {
                builder.Add(StrongLiteralProperty, strongLiteral);
            }

            if (valueType is not null && strongMember is not null)
            {
                builder.Add(StrongTypeProperty, valueType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
                builder.Add(StrongMemberProperty, strongMember);
            }

            return builder.ToImmutable();
        }
    }
}
