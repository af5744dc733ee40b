using Spectre.Console;

namespace ImdsCheck.Cli;

/// <summary>Where the tool writes: results on <see cref="Out"/>, progress and errors on <see cref="Error"/>.</summary>
public sealed class CliConsole
{
    public CliConsole(TextWriter output, TextWriter error, bool outputIsTerminal, bool errorIsTerminal)
    {
        Out = output;
        Error = error;
        OutputIsTerminal = outputIsTerminal;
        ErrorIsTerminal = errorIsTerminal;
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public bool OutputIsTerminal { get; }

    public bool ErrorIsTerminal { get; }

    public static CliConsole FromProcess() =>
        new(Console.Out, Console.Error, !Console.IsOutputRedirected, !Console.IsErrorRedirected);

    /// <summary>A Spectre console over stdout: colours only on a terminal, a wide fixed width otherwise.</summary>
    public IAnsiConsole CreateOutputConsole() => Create(Out, OutputIsTerminal);

    public IAnsiConsole CreateErrorConsole() => Create(Error, ErrorIsTerminal);

    private static IAnsiConsole Create(TextWriter writer, bool terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        if (!terminal)
        {
            console.Profile.Width = 240;
        }

        return console;
    }
}
