using Microsoft.CodeAnalysis;

namespace ImdsAnalyzers.Scripts
{
    /// <summary>The operation a script is built from: its outermost string expression, or the collection of commands it belongs to.</summary>
    internal readonly struct ScriptRoot
    {
        public ScriptRoot(IOperation operation, bool isCollection)
        {
            Operation = operation;
            IsCollection = isCollection;
        }

        public IOperation Operation { get; }

        public bool IsCollection { get; }
    }
}
