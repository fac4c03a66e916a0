// Progressive enhancement only: every page works without JavaScript.
// Loaded as <script type="module" src="/static/roundtable.js"></script>
// (no inline script, so it satisfies CSP default-src 'self').
import { initAll } from "/static/govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
