using System.Threading.Channels;

namespace Steward.Features.Reporting.BoardPacks;

// Packs waiting to be printed on this node. The database is the record of what is queued: the worker
// also looks there, so a pack asked for on another node, or before a restart, is printed too.
public sealed class BoardPacksWaiting
{
    private readonly Channel<Guid> _waiting = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(Guid pack) => _waiting.Writer.TryWrite(pack);

    public ChannelReader<Guid> Reader => _waiting.Reader;
}
