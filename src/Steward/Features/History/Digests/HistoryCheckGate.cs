namespace Steward.Features.History.Digests;

// One check of the whole history at a time per node from the web: a check reads every event, and several at
// once would starve everyone else's requests.
public sealed class HistoryCheckGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public bool TryEnter() => _gate.Wait(0);

    public void Leave() => _gate.Release();

    public void Dispose() => _gate.Dispose();
}
