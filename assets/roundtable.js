// Progressive enhancement only: every page works without JavaScript.
// Loaded as <script type="module" src="/static/roundtable.js"></script>
// (no inline script, so it satisfies CSP default-src 'self').
import { initAll } from "/static/govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();

// Minutes are saved as they are typed, so a closed laptop loses nothing.
// Without JavaScript the Save button does the same.
for (const form of document.querySelectorAll('form[data-autosave]')) {
  const status = document.getElementById('autosave-status')
  let timer = null
  form.addEventListener('input', () => {
    clearTimeout(timer)
    timer = setTimeout(async () => {
      try {
        const r = await fetch(form.action || location.href, {
          method: 'POST', body: new URLSearchParams(new FormData(form)),
          redirect: 'manual', credentials: 'same-origin'
        })
        if (status) status.textContent = (r.type === 'opaqueredirect' || r.ok) ? 'Saved' : 'Not saved: use the Save button'
      } catch (e) {
        if (status) status.textContent = 'Not saved: use the Save button'
      }
    }, 2000)
  })
}
