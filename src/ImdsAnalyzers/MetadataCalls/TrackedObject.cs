using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ImdsAnalyzers.MetadataCalls
{
    /// <summary>What is known about a request or client object at the point where a request is sent.</summary>
    internal sealed class TrackedObject
    {
        /// <summary>The local, field, property or parameter that holds the object, if any.</summary>
        public ISymbol? Symbol { get; set; }

        /// <summary>The <c>new ...</c> or factory call that made the object, when it is visible.</summary>
        public IOperation? Creation { get; set; }

        public List<HeaderAttachment> Headers { get; } = new List<HeaderAttachment>();

        /// <summary>The last value given to <c>Method</c> (HttpRequestMessage, WebRequest).</summary>
        public IOperation? MethodValue { get; set; }

        /// <summary>The assignment (statement or initializer element) that set <see cref="MethodValue"/>.</summary>
        public IOperation? MethodAssignment { get; set; }

        /// <summary>The last value given to <c>RequestUri</c> or <c>BaseAddress</c>.</summary>
        public IOperation? AddressValue { get; set; }

        /// <summary>
        /// The object may carry headers this analysis cannot see: it is passed to other code, made by a
        /// client factory, given a custom message handler, or gets a header whose name is not constant.
        /// </summary>
        public bool MayHaveHiddenHeaders { get; set; }

        /// <summary>Nothing is known about where the object came from (a parameter, a method result).</summary>
        public bool IsOriginUnknown => Creation is null;
    }
}
