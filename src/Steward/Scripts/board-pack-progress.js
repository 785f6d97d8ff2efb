// Follows a board pack while it prints: says how far it has got in the page's live region, and
// reloads the page (with its download) once it is ready or has failed. Without this, the page
// says to refresh it.
const region = document.getElementById('board-pack-progress')
const address = region && region.dataset.poll
if (address) {
  const step = region.querySelector('[data-step]')
  const follow = async () => {
    try {
      const answer = await fetch(address, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      if (answer.ok) {
        const pack = await answer.json()
        if (pack.state === 'ready' || pack.state === 'failed') {
          window.location.reload()
          return
        }
        if (step) {
          step.textContent = pack.state === 'queued' ? 'Waiting to be printed' : `Printing: ${pack.progress}% (${pack.step})`
        }
      }
    } catch {
      // The next look may work; the page still says how to refresh it.
    }
    window.setTimeout(follow, 2000)
  }
  window.setTimeout(follow, 1500)
}
