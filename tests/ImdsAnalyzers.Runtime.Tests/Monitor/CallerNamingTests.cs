using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace ImdsAnalyzers.Runtime.Tests.Monitor;

/// <summary>How a frame is named: the source method, not the types and methods the compiler makes for it.</summary>
public sealed class CallerNamingTests
{
    private const string Prefix = "ImdsAnalyzers.Runtime.Tests.Monitor.CallerNamingTests";

    [Fact]
    public void A_plain_method()
    {
        Assert.Equal($"{Prefix}.{nameof(A_plain_method)}", NameOfThisFrame());
    }

    [Fact]
    public async Task An_async_method_after_an_await()
    {
        await Task.Yield();
        Assert.Equal($"{Prefix}.{nameof(An_async_method_after_an_await)}", NameOfThisFrame());
    }

    [Fact]
    public void A_lambda()
    {
        Func<string> lambda = () => NameOfThisFrame();
        Assert.Equal($"{Prefix}.{nameof(A_lambda)} (lambda)", lambda());
    }

    [Fact]
    public void A_closure()
    {
        var suffix = "x";
        Func<string> closure = () => NameOfThisFrame() + suffix;
        Assert.Equal($"{Prefix}.{nameof(A_closure)} (lambda)x", closure());
    }

    [Fact]
    public void A_local_function()
    {
        Assert.Equal($"{Prefix}.{nameof(A_local_function)}.Local", Local());

        [MethodImpl(MethodImplOptions.NoInlining)]
        static string Local() => NameOfThisFrame();
    }

    [Fact]
    public void A_nested_generic_type()
    {
        Assert.Equal($"{Prefix}.Nested.Name", Nested<int>.Name());
    }

    [Fact]
    public void Frames_of_dotnet_and_of_skipped_namespaces_are_passed_over()
    {
        var locator = new CallerLocator(["ImdsAnalyzers.Runtime.Tests.Monitor"]);

        var (index, key) = locator.Find(new StackTrace(), "GET", "/latest/meta-data/");

        // Everything on this stack is the test framework, .NET, or this skipped namespace: xunit's frames remain.
        Assert.True(index > 0);
        var caller = new StackTrace().GetFrame(index)!.GetMethod()!.DeclaringType!.Namespace!;
        Assert.StartsWith("Xunit", caller);
        Assert.Null(key.Unknown);
    }

    [Fact]
    public void A_stack_of_only_framework_frames_has_no_caller()
    {
        var locator = new CallerLocator(["ImdsAnalyzers.", "Xunit", "xunit."]);
        var (index, key) = locator.Find(new StackTrace(), "GET", "/latest/user-data");

        Assert.Equal(-1, index);
        Assert.Equal("GET /latest/user-data", key.Unknown);
        Assert.Null(CallerLocator.Describe(new StackTrace(), index, "GET", "/latest/user-data").Caller);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string NameOfThisFrame() => CallerLocator.Describe(new StackFrame(1).GetMethod()!);

    private static class Nested<T>
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static string Name() => NameOfThisFrame() + (typeof(T) == typeof(int) ? string.Empty : "?");
    }
}
