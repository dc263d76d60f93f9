namespace CorpusBot.Operations.Doctor;

/// <summary>One line of `corpusbot doctor`: what was checked, whether it is fine, and what was found or what to do.</summary>
public sealed record DoctorCheck(string Name, bool Ok, string Message)
{
    public static DoctorCheck Pass(string name, string message) => new(name, true, message);

    public static DoctorCheck Fail(string name, string message) => new(name, false, message);

    public override string ToString() => $"{(Ok ? "✓" : "✗")} {Name}: {Message}";
}
