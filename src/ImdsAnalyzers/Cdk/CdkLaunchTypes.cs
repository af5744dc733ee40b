using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ImdsAnalyzers.Cdk
{
    /// <summary>A props class of a CDK construct that launches instances.</summary>
    internal sealed class CdkPropsType
    {
        public CdkPropsType(INamedTypeSymbol type, string constructName, CdkLaunchKind kind)
        {
            Type = type;
            ConstructName = constructName;
            Kind = kind;
        }

        public INamedTypeSymbol Type { get; }

        public string ConstructName { get; }

        public CdkLaunchKind Kind { get; }
    }

    /// <summary>The Amazon.CDK.Lib types IMDS201 needs, resolved once per compilation.</summary>
    internal sealed class CdkLaunchTypes
    {
        public const string LaunchTemplatePropsName = "Amazon.CDK.AWS.EC2.LaunchTemplateProps";

        private CdkLaunchTypes(Compilation compilation, ImmutableArray<CdkPropsType> props)
        {
            Props = props;
            LaunchTemplate = compilation.GetTypeByMetadataName("Amazon.CDK.AWS.EC2.LaunchTemplate");
            LaunchTemplateHttpTokens = compilation.GetTypeByMetadataName("Amazon.CDK.AWS.EC2.LaunchTemplateHttpTokens");
            AutoScalingGroupProps = compilation.GetTypeByMetadataName("Amazon.CDK.AWS.AutoScaling.AutoScalingGroupProps");
            Aspects = compilation.GetTypeByMetadataName("Amazon.CDK.Aspects");
            AspectsByKind = ImmutableArray.Create(
                compilation.GetTypeByMetadataName("Amazon.CDK.AWS.EC2.InstanceRequireImdsv2Aspect"),
                compilation.GetTypeByMetadataName("Amazon.CDK.AWS.EC2.LaunchTemplateRequireImdsv2Aspect"),
                compilation.GetTypeByMetadataName("Amazon.CDK.AWS.AutoScaling.AutoScalingGroupRequireImdsv2Aspect"));
        }

        public ImmutableArray<CdkPropsType> Props { get; }

        public INamedTypeSymbol? LaunchTemplate { get; }

        public INamedTypeSymbol? LaunchTemplateHttpTokens { get; }

        public INamedTypeSymbol? AutoScalingGroupProps { get; }

        public INamedTypeSymbol? Aspects { get; }

        /// <summary>Indexed by <see cref="CdkLaunchKind"/>.</summary>
        public ImmutableArray<INamedTypeSymbol?> AspectsByKind { get; }

        /// <summary>Null when the compilation does not reference Amazon.CDK.Lib.</summary>
        public static CdkLaunchTypes? Resolve(Compilation compilation)
        {
            var props = ImmutableArray.CreateBuilder<CdkPropsType>();
            Add(props, compilation, "Amazon.CDK.AWS.EC2.InstanceProps", "Instance_", CdkLaunchKind.Instance);
            Add(props, compilation, "Amazon.CDK.AWS.EC2.BastionHostLinuxProps", "BastionHostLinux", CdkLaunchKind.Instance);
            Add(props, compilation, LaunchTemplatePropsName, "LaunchTemplate", CdkLaunchKind.LaunchTemplate);
            Add(props, compilation, "Amazon.CDK.AWS.AutoScaling.AutoScalingGroupProps", "AutoScalingGroup", CdkLaunchKind.AutoScalingGroup);
            return props.Count == 0 ? null : new CdkLaunchTypes(compilation, props.ToImmutable());
        }

        private static void Add(ImmutableArray<CdkPropsType>.Builder props, Compilation compilation, string metadataName, string constructName, CdkLaunchKind kind)
        {
            // Older CDK versions lack RequireImdsv2 on some props; a props class without it cannot be fixed, so it is not checked.
            if (compilation.GetTypeByMetadataName(metadataName) is { } type && !type.GetMembers("RequireImdsv2").IsEmpty)
            {
                props.Add(new CdkPropsType(type, constructName, kind));
            }
        }
    }
}
