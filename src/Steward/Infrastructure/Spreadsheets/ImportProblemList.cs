namespace Steward.Infrastructure.Spreadsheets;

// Every problem an import finds is counted, but only the first few are kept to be listed: a file of a
// hundred thousand bad rows must not become a report of hundreds of megabytes.
public sealed class ImportProblemList(int listed)
{
    private readonly List<ImportProblem> _kept = [];

    public int Count { get; private set; }

    public IReadOnlyList<ImportProblem> Listed => _kept;

    public void Add(ImportProblem problem)
    {
        Count++;
        if (_kept.Count < listed)
        {
            _kept.Add(problem);
        }
    }
}
