using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ImdsAnalyzers.Flow;

namespace ImdsAnalyzers.Cdk
{
    /// <summary>
    /// IMDS201: AWS CDK constructs that launch instances without RequireImdsv2. A RequireImdsv2 aspect
    /// applied anywhere in the compilation covers its kind of construct, so reports wait for the end of
    /// the compilation.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CdkLaunchAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Tells the code fix which edit the report needs; one of the *Fix constants.</summary>
        internal const string FixProperty = "Fix";
        internal const string AddSettingFix = "AddRequireImdsv2";
        internal const string SetTrueFix = "SetTrue";
        internal const string AddPropsFix = "AddProps";
        internal const string RequireImdsv2 = "RequireImdsv2";

        private static readonly string[] RequireImdsv2Path = { RequireImdsv2 };
        private static readonly string[] HttpTokensPath = { "HttpTokens" };
        private static readonly string[] LaunchTemplatePath = { "LaunchTemplate" };
        private static readonly string[] MixedInstancesPolicyPath = { "MixedInstancesPolicy" };

        private static readonly ImmutableDictionary<string, string?> AddSettingProperties = Fix(AddSettingFix);
        private static readonly ImmutableDictionary<string, string?> SetTrueProperties = Fix(SetTrueFix);
        private static readonly ImmutableDictionary<string, string?> AddPropsProperties = Fix(AddPropsFix);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CdkLaunchWithoutRequiredTokens);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var types = CdkLaunchTypes.Resolve(context.Compilation);
            if (types is null)
            {
                return;
            }

            var state = new CompilationState(types);
            context.RegisterOperationAction(state.AnalyzeCreation, OperationKind.ObjectCreation);
            if (types.Aspects is not null)
            {
                context.RegisterOperationAction(state.AnalyzeInvocation, OperationKind.Invocation);
            }

            context.RegisterCompilationEndAction(state.ReportUncovered);
        }

        private static ImmutableDictionary<string, string?> Fix(string fix) =>
            ImmutableDictionary<string, string?>.Empty.Add(FixProperty, fix);

        private sealed class CompilationState
        {
            private readonly CdkLaunchTypes types;
            private readonly BodyIndexCache bodies = new BodyIndexCache();
            private readonly ConcurrentQueue<(Diagnostic Diagnostic, CdkLaunchKind Kind)> candidates = new ConcurrentQueue<(Diagnostic, CdkLaunchKind)>();
            private readonly int[] aspectApplied = new int[3];

            public CompilationState(CdkLaunchTypes types)
            {
                this.types = types;
            }

            public void AnalyzeCreation(OperationAnalysisContext context)
            {
                var creation = (IObjectCreationOperation)context.Operation;
                var type = creation.Type;
                if (type is null || type.TypeKind == TypeKind.Error)
                {
                    return;
                }

                foreach (var props in types.Props)
                {
                    if (type.IsOrDerivesFrom(props.Type))
                    {
                        if (!RegionEnforcementOption.IsSet(context.Options, creation.Syntax.SyntaxTree))
                        {
                            AnalyzeProps(creation, props);
                        }

                        return;
                    }
                }

                if (type.IsOrDerivesFrom(types.LaunchTemplate) && !RegionEnforcementOption.IsSet(context.Options, creation.Syntax.SyntaxTree))
                {
                    AnalyzeLaunchTemplateWithoutProps(creation);
                }
            }

            public void AnalyzeInvocation(OperationAnalysisContext context)
            {
                var invocation = (IInvocationOperation)context.Operation;
                if (invocation.TargetMethod.Name != "Add"
                    || invocation.Arguments.Length == 0
                    || !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, types.Aspects))
                {
                    return;
                }

                var aspect = invocation.Arguments[0].Value.WithoutBuiltInConversions();
                MarkApplied(aspect.Type);
                if (aspect is ILocalReferenceOperation local)
                {
                    // IAspect aspect = new InstanceRequireImdsv2Aspect(); Aspects.Of(app).Add(aspect);
                    foreach (var value in bodies.FlowFor(invocation).ValuesOf(local.Local))
                    {
                        MarkApplied(value.WithoutBuiltInConversions().Type);
                    }
                }
            }

            public void ReportUncovered(CompilationAnalysisContext context)
            {
                foreach (var candidate in candidates)
                {
                    if (Volatile.Read(ref aspectApplied[(int)candidate.Kind]) == 0)
                    {
                        context.ReportDiagnostic(candidate.Diagnostic);
                    }
                }
            }

            private void MarkApplied(ITypeSymbol? aspectType)
            {
                for (var kind = 0; kind < types.AspectsByKind.Length; kind++)
                {
                    if (aspectType.IsOrDerivesFrom(types.AspectsByKind[kind]))
                    {
                        Volatile.Write(ref aspectApplied[kind], 1);
                    }
                }
            }

            private void AnalyzeProps(IObjectCreationOperation creation, CdkPropsType props)
            {
                var flow = bodies.FlowFor(creation);
                var falseAssignments = new List<IOperation>();
                foreach (var value in flow.FindValues(creation, RequireImdsv2Path))
                {
                    var unwrapped = value.WithoutBuiltInConversions();
                    if (unwrapped.ConstantValue.HasValue && unwrapped.ConstantValue.Value is bool required)
                    {
                        if (required)
                        {
                            return;
                        }

                        if (value.Parent is ISimpleAssignmentOperation assignment)
                        {
                            falseAssignments.Add(assignment);
                        }
                    }
                    else if (value is not IMemberInitializerOperation && !unwrapped.IsNullOrDefaultLiteral())
                    {
                        // Computed elsewhere: the body cannot tell, and a guess would be noise.
                        return;
                    }
                }

                if (props.Kind == CdkLaunchKind.LaunchTemplate && TokensRequired(flow.FindValues(creation, HttpTokensPath)))
                {
                    return;
                }

                // CDK rejects RequireImdsv2 next to a launch template or mixed instances policy: the template decides, and is checked where it is created.
                if (creation.Type.IsOrDerivesFrom(types.AutoScalingGroupProps)
                    && (flow.FindValues(creation, LaunchTemplatePath).AnyNonNull() || flow.FindValues(creation, MixedInstancesPolicyPath).AnyNonNull()))
                {
                    return;
                }

                if (falseAssignments.Count == 0)
                {
                    Enqueue(Diagnostic.Create(Descriptors.CdkLaunchWithoutRequiredTokens, CreationLocation.Of(creation.Syntax), AddSettingProperties, props.ConstructName), props.Kind);
                    return;
                }

                foreach (var assignment in falseAssignments)
                {
                    Enqueue(Diagnostic.Create(Descriptors.CdkLaunchWithoutRequiredTokens, assignment.Syntax.GetLocation(), SetTrueProperties, props.ConstructName), props.Kind);
                }
            }

            private void AnalyzeLaunchTemplateWithoutProps(IObjectCreationOperation creation)
            {
                foreach (var argument in creation.Arguments)
                {
                    if (argument.Parameter is { Ordinal: 2 }
                        && (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Value.IsNullOrDefaultLiteral()))
                    {
                        Enqueue(Diagnostic.Create(Descriptors.CdkLaunchWithoutRequiredTokens, CreationLocation.Of(creation.Syntax), AddPropsProperties, "LaunchTemplate"), CdkLaunchKind.LaunchTemplate);
                    }
                }
            }

            private bool TokensRequired(List<IOperation> values)
            {
                foreach (var value in values)
                {
                    var unwrapped = value.WithoutBuiltInConversions();
                    if (unwrapped is IFieldReferenceOperation field && SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, types.LaunchTemplateHttpTokens))
                    {
                        if (field.Field.Name == "REQUIRED")
                        {
                            return true;
                        }
                    }
                    else if (!unwrapped.IsNullOrDefaultLiteral())
                    {
                        return true;
                    }
                }

                return false;
            }

            private void Enqueue(Diagnostic diagnostic, CdkLaunchKind kind) => candidates.Enqueue((diagnostic, kind));
        }
    }
}
