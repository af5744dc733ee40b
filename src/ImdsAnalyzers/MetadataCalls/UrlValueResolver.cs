using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ImdsAnalyzers.MetadataCalls
{
    /// <summary>
    /// Evaluates a string or <see cref="Uri"/> expression as far as compile time allows: constants (also from
    /// other classes), <c>+</c>, interpolation, <c>string.Format</c>, <c>string.Concat</c>, <c>new Uri(...)</c>
    /// including <c>new Uri(baseUri, relative)</c>, and locals, fields and properties assigned earlier.
    /// When a part is unknown, what precedes it is still returned as a prefix.
    /// </summary>
    internal sealed class UrlValueResolver
    {
        private readonly KnownHttpTypes _types;

        public UrlValueResolver(KnownHttpTypes types, ValueTracer tracer)
        {
            _types = types;
            Tracer = tracer;
        }

        public ValueTracer Tracer { get; }

        public ResolvedText Resolve(IOperation? operation) => Resolve(operation, 0);

        public ResolvedText Resolve(IOperation? operation, int depth)
        {
            if (operation is null || depth > ValueTracer.MaxDepth)
            {
                return ResolvedText.Unknown;
            }

            Tracer.CancellationToken.ThrowIfCancellationRequested();
            var constant = operation.ConstantValue;
            if (constant.HasValue)
            {
                return FromConstant(constant.Value);
            }

            switch (operation)
            {
                case IConversionOperation conversion when !conversion.Conversion.IsUserDefined:
                    return Resolve(conversion.Operand, depth + 1);
                case IParenthesizedOperation parenthesized:
                    return Resolve(parenthesized.Operand, depth + 1);
                case IBinaryOperation binary when binary.OperatorKind == BinaryOperatorKind.Add && _types.IsString(binary.Type):
                    return Resolve(binary.LeftOperand, depth + 1).Append(Resolve(binary.RightOperand, depth + 1));
                case IInterpolatedStringOperation interpolated:
                    return ResolveInterpolation(interpolated, depth);
                case IInterpolatedStringAdditionOperation addition:
                    return Resolve(addition.Left, depth + 1).Append(Resolve(addition.Right, depth + 1));
                case IObjectCreationOperation creation:
                    return ResolveCreation(creation, depth);
                case IInvocationOperation invocation:
                    return ResolveInvocation(invocation, depth);
                case IPropertyReferenceOperation property when IsUriTextProperty(property):
                    return Resolve(property.Instance, depth + 1);
                case ICompoundAssignmentOperation compound:
                    return ResolveCompound(compound, depth);
                case ILocalReferenceOperation _:
                case IParameterReferenceOperation _:
                case IFieldReferenceOperation _:
                case IPropertyReferenceOperation _:
                    return Tracer.TryFindValue(operation, out var value) ? Resolve(value, depth + 1) : ResolvedText.Unknown;
                default:
                    return ResolvedText.Unknown;
            }
        }

        private static ResolvedText FromConstant(object? value)
        {
            switch (value)
            {
                case null:
                    return ResolvedText.Null;
                case string text:
                    return ResolvedText.Complete(text);
                case char c:
                    return ResolvedText.Complete(c.ToString());
                case IFormattable formattable:
                    return ResolvedText.Complete(formattable.ToString(null, CultureInfo.InvariantCulture));
                default:
                    return ResolvedText.Unknown;
            }
        }

        private ResolvedText ResolveCompound(ICompoundAssignmentOperation compound, int depth)
        {
            if (compound.OperatorKind != BinaryOperatorKind.Add || !_types.IsString(compound.Type))
            {
                return ResolvedText.Unknown;
            }

            // The old value is whatever the target held just before this statement.
            var symbol = ValueTracer.ReferencedSymbol(compound.Target);
            if (symbol is null)
            {
                return ResolvedText.Unknown;
            }

            var index = Tracer.IndexFor(compound);
            var before = ValueTracer.TryFindEarlierWrite(index, symbol, compound.Syntax.SpanStart, out var old) && old != null
                ? Resolve(old, depth + 1)
                : ResolvedText.Unknown;
            return before.Append(Resolve(compound.Value, depth + 1));
        }

        private ResolvedText ResolveInterpolation(IInterpolatedStringOperation interpolated, int depth)
        {
            var result = ResolvedText.Complete(string.Empty);
            foreach (var part in interpolated.Parts)
            {
                switch (part)
                {
                    case IInterpolatedStringTextOperation text:
                        result = result.Append(FromConstant(text.Text.ConstantValue.HasValue ? text.Text.ConstantValue.Value : null));
                        break;
                    case IInterpolationOperation hole when hole.Alignment is null && hole.FormatString is null:
                        result = result.Append(Resolve(hole.Expression, depth + 1));
                        break;
                    default:
                        return result.Append(ResolvedText.Unknown);
                }

                if (!result.IsComplete)
                {
                    return result;
                }
            }

            return result;
        }

        private ResolvedText ResolveCreation(IObjectCreationOperation creation, int depth)
        {
            if (!_types.IsUri(creation.Type) || creation.Constructor is null || creation.Arguments.Length == 0)
            {
                return ResolvedText.Unknown;
            }

            var first = OperationArguments.ValueAt(creation.Arguments, 0);
            if (_types.IsString(creation.Constructor.Parameters[0].Type))
            {
                return Resolve(first, depth + 1);
            }

            // new Uri(baseUri, relative): the relative reference is resolved against the base.
            if (creation.Arguments.Length >= 2 && _types.IsUri(creation.Constructor.Parameters[0].Type))
            {
                return UrlCombiner.Combine(Resolve(first, depth + 1), Resolve(OperationArguments.ValueAt(creation.Arguments, 1), depth + 1));
            }

            return ResolvedText.Unknown;
        }

        private ResolvedText ResolveInvocation(IInvocationOperation invocation, int depth)
        {
            var method = invocation.TargetMethod;
            if (method.IsStatic && method.ContainingType?.SpecialType == SpecialType.System_String)
            {
                switch (method.Name)
                {
                    case "Format":
                        return ResolveFormat(invocation, depth);
                    case "Concat":
                        return ResolveConcat(invocation, depth);
                    default:
                        return ResolvedText.Unknown;
                }
            }

            if (!method.IsStatic && method.Name == "ToString" && invocation.Instance != null)
            {
                var instance = invocation.Instance;
                if (_types.IsString(instance.Type) || _types.IsUri(instance.Type))
                {
                    return Resolve(instance, depth + 1);
                }

                // ttl.ToString() / ttl.ToString(CultureInfo.InvariantCulture) on a constant number.
                if (instance.ConstantValue.HasValue && instance.ConstantValue.Value is IFormattable && (invocation.Arguments.Length == 0 || IsFormatProvider(method.Parameters[0].Type)))
                {
                    return FromConstant(instance.ConstantValue.Value);
                }
            }

            return ResolvedText.Unknown;
        }

        private ResolvedText ResolveConcat(IInvocationOperation invocation, int depth)
        {
            var result = ResolvedText.Complete(string.Empty);
            foreach (var value in FlattenArguments(invocation, skipFormatArguments: false))
            {
                if (value is null)
                {
                    return result.Append(ResolvedText.Unknown);
                }

                result = result.Append(Resolve(value, depth + 1));
                if (!result.IsComplete)
                {
                    return result;
                }
            }

            return result;
        }

        private ResolvedText ResolveFormat(IInvocationOperation invocation, int depth)
        {
            IOperation? formatOperation = null;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == "format" && _types.IsString(argument.Parameter.Type))
                {
                    formatOperation = argument.Value;
                }
            }

            var format = Resolve(formatOperation, depth + 1);
            if (format.Kind != ResolvedTextKind.Complete && format.Kind != ResolvedTextKind.Prefix)
            {
                return ResolvedText.Unknown;
            }

            var values = new List<IOperation?>(FlattenArguments(invocation, skipFormatArguments: true));
            return Substitute(format, values, depth);
        }

        /// <summary>Replaces <c>{n}</c> holes; stops at the first hole with alignment, a format, or an unknown value.</summary>
        private ResolvedText Substitute(ResolvedText format, List<IOperation?> values, int depth)
        {
            var text = format.Text;
            var builder = new StringBuilder();
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '}')
                {
                    if (i + 1 < text.Length && text[i + 1] == '}')
                    {
                        i++;
                    }

                    builder.Append('}');
                    continue;
                }

                if (c != '{')
                {
                    builder.Append(c);
                    continue;
                }

                if (i + 1 < text.Length && text[i + 1] == '{')
                {
                    builder.Append('{');
                    i++;
                    continue;
                }

                var close = text.IndexOf('}', i);
                if (close < 0 || !int.TryParse(text.Substring(i + 1, close - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= values.Count)
                {
                    return ResolvedText.Prefix(builder.ToString());
                }

                var value = Resolve(values[index], depth + 1);
                if (value.Kind == ResolvedTextKind.Null)
                {
                    value = ResolvedText.Complete(string.Empty);
                }

                var sofar = ResolvedText.Complete(builder.ToString()).Append(value);
                if (!sofar.IsComplete)
                {
                    return sofar;
                }

                builder.Clear().Append(sofar.Text);
                i = close;
            }

            return format.IsComplete ? ResolvedText.Complete(builder.ToString()) : ResolvedText.Prefix(builder.ToString());
        }

        /// <summary>
        /// The values of a string.Format/Concat call in parameter order, with params arrays expanded. A null
        /// entry stands for a value that cannot be listed (an array built elsewhere).
        /// </summary>
        private static IEnumerable<IOperation?> FlattenArguments(IInvocationOperation invocation, bool skipFormatArguments)
        {
            var ordered = new IArgumentOperation?[invocation.TargetMethod.Parameters.Length];
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter != null && argument.Parameter.Ordinal < ordered.Length)
                {
                    ordered[argument.Parameter.Ordinal] = argument;
                }
            }

            foreach (var argument in ordered)
            {
                if (argument?.Parameter is null)
                {
                    continue;
                }

                if (skipFormatArguments && (argument.Parameter.Name == "format" || argument.Parameter.Name == "provider"))
                {
                    continue;
                }

                if (argument.Parameter.IsParams || argument.ArgumentKind == ArgumentKind.ParamArray)
                {
                    if (Unwrap(argument.Value) is IArrayCreationOperation array && array.Initializer != null)
                    {
                        foreach (var element in array.Initializer.ElementValues)
                        {
                            yield return element;
                        }
                    }
                    else if (Unwrap(argument.Value) is ICollectionExpressionOperation collection)
                    {
                        foreach (var element in collection.Elements)
                        {
                            yield return element;
                        }
                    }
                    else
                    {
                        yield return null;
                    }

                    continue;
                }

                yield return argument.Value;
            }
        }

        private static IOperation Unwrap(IOperation operation) => ValueTracer.Unwrap(operation);

        private bool IsUriTextProperty(IPropertyReferenceOperation property) =>
            _types.IsUri(property.Property.ContainingType) && (property.Property.Name == "OriginalString" || property.Property.Name == "AbsoluteUri");

        private static bool IsFormatProvider(ITypeSymbol type) => type.Name == "IFormatProvider";
    }
}
