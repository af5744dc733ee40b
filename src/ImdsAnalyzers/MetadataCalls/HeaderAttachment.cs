using Microsoft.CodeAnalysis;

namespace ImdsAnalyzers.MetadataCalls
{
    internal enum HeaderAttachmentForm
    {
        /// <summary><c>Headers.Add(name, value)</c>, <c>TryAddWithoutValidation</c> or <c>Set</c>, also as a collection-initializer element.</summary>
        Call,

        /// <summary><c>Headers.Add("Name: value")</c> on a WebHeaderCollection.</summary>
        CombinedCall,

        /// <summary><c>Headers[name] = value</c>, also inside an object initializer.</summary>
        Indexer,
    }

    /// <summary>One header put on a request, a client's default headers or a WebClient.</summary>
    internal sealed class HeaderAttachment
    {
        public HeaderAttachment(string? name, ResolvedText value, IOperation? valueOperation, IOperation source, HeaderAttachmentForm form, bool inInitializer)
        {
            Name = name;
            Value = value;
            ValueOperation = valueOperation;
            Source = source;
            Form = form;
            InInitializer = inInitializer;
        }

        /// <summary>Null when the name is not a compile-time constant.</summary>
        public string? Name { get; }

        public ResolvedText Value { get; }

        /// <summary>The value expression; for <see cref="HeaderAttachmentForm.CombinedCall"/> the whole "Name: value" argument.</summary>
        public IOperation? ValueOperation { get; }

        /// <summary>The Add/Set call or the indexer assignment.</summary>
        public IOperation Source { get; }

        public HeaderAttachmentForm Form { get; }

        /// <summary>True when <see cref="Source"/> is an element of an object or collection initializer.</summary>
        public bool InInitializer { get; }
    }
}
