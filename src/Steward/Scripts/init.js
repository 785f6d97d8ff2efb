// Progressive enhancement only: every page works without this.
import { initAll } from '/js/govuk-frontend.min.js'
initAll()
