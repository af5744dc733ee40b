using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ImdsAnalyzers.Flow;

namespace ImdsAnalyzers.LaunchSettings
{
    /// <summary>
    /// IMDS101, IMDS102 and IMDS104: EC2 launch settings built with the AWS SDK for .NET that leave
    /// token-less (IMDSv1) metadata calls allowed. IMDS102 also covers the CDK launch template values,
    /// so that every explicit weakening is one rule owned by one analyzer.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class LaunchSettingsAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly string[] HttpTokensPath = { "MetadataOptions", "HttpTokens" };
        internal static readonly string[] LaunchTemplatePath = { "LaunchTemplate" };
        internal static readonly string[] SourceVersionPath = { "SourceVersion" };
        internal static readonly string[] ImdsSupportPath = { "ImdsSupport" };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.LaunchWithoutRequiredTokens,
            Descriptors.TokenRequirementWeakened,
            Descriptors.ImageWithoutImdsV2Support);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var types = Ec2LaunchTypes.Resolve(context.Compilation);
            if (types is not null)
            {
                var bodies = new BodyIndexCache();
                context.RegisterOperationAction(c => AnalyzeCreation(c, types, bodies), OperationKind.ObjectCreation);
            }

            var settings = WeakTokenSetting.Resolve(context.Compilation);
            if (!settings.IsEmpty)
            {
                context.RegisterOperationAction(c => AnalyzeAssignment(c, settings), OperationKind.SimpleAssignment);
            }
        }

        private static void AnalyzeAssignment(OperationAnalysisContext context, ImmutableArray<WeakTokenSetting> settings)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;

            // Every assignment in the compilation comes through here; all token settings are named HttpTokens*.
            if (assignment.Target is not IPropertyReferenceOperation target
                || !target.Property.Name.StartsWith("HttpTokens", System.StringComparison.Ordinal))
            {
                return;
            }

            foreach (var setting in settings)
            {
                if (!SymbolEqualityComparer.Default.Equals(target.Property.OriginalDefinition, setting.Property))
                {
                    continue;
                }

                if (setting.WeakValue(assignment.Value) is { } weak)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.TokenRequirementWeakened,
                        assignment.Syntax.GetLocation(),
                        setting.Properties,
                        setting.DisplayName,
                        weak));
                }

                return;
            }
        }

        private static void AnalyzeCreation(OperationAnalysisContext context, Ec2LaunchTypes types, BodyIndexCache bodies)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            var type = creation.Type;
            if (type is null || type.TypeKind == TypeKind.Error)
            {
                return;
            }

            // HttpTokens set to any value counts: a weak value (optional) is an explicit decision, reported by IMDS102 where it is written.
            if (type.IsOrDerivesFrom(types.RunInstancesRequest))
            {
                if (!RegionEnforcementOption.IsSet(context.Options, creation.Syntax.SyntaxTree))
                {
                    var flow = bodies.FlowFor(creation);
                    if (!flow.FindValues(creation, LaunchTemplatePath).AnyNonNull() && !flow.FindValues(creation, HttpTokensPath).AnyNonNull())
                    {
                        Report(context, Descriptors.LaunchWithoutRequiredTokens, creation, type);
                    }
                }
            }
            else if (type.IsOrDerivesFrom(types.RequestLaunchTemplateData))
            {
                if (!RegionEnforcementOption.IsSet(context.Options, creation.Syntax.SyntaxTree))
                {
                    var flow = bodies.FlowFor(creation);
                    if (!flow.FindValues(creation, HttpTokensPath).AnyNonNull() && !InheritsFromSourceVersion(flow, creation, types))
                    {
                        Report(context, Descriptors.LaunchWithoutRequiredTokens, creation, type);
                    }
                }
            }
            else if (type.IsOrDerivesFrom(types.RegisterImageRequest))
            {
                if (!bodies.FlowFor(creation).FindValues(creation, ImdsSupportPath).AnyNonNull())
                {
                    Report(context, Descriptors.ImageWithoutImdsV2Support, creation, type);
                }
            }
        }

        /// <summary>
        /// A new launch template version made from a source version keeps the source's metadata options
        /// unless the data overrides them; the source is checked where it was created.
        /// </summary>
        private static bool InheritsFromSourceVersion(ObjectFlow flow, IObjectCreationOperation data, Ec2LaunchTypes types)
        {
            foreach (var holder in flow.FindHolders(data, "LaunchTemplateData"))
            {
                if (holder.Type.IsOrDerivesFrom(types.CreateLaunchTemplateVersionRequest) && flow.FindValues(holder, SourceVersionPath).AnyNonNull())
                {
                    return true;
                }
            }

            return false;
        }

        private static void Report(OperationAnalysisContext context, DiagnosticDescriptor descriptor, IObjectCreationOperation creation, ITypeSymbol type) =>
            context.ReportDiagnostic(Diagnostic.Create(descriptor, CreationLocation.Of(creation.Syntax), type.Name));
    }
}
