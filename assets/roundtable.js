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

// Before the idle timeout signs someone out (WCAG 2.2.1), warn them with
// time to act and a button that keeps them signed in: any request of
// theirs renews the session.  Without JavaScript nothing warns, but what
// they were sending is kept through signing in again (src/auth/signed_out.c).
{
  const idle = Number(document.body.dataset.idleSeconds)
  // Warn two minutes before, or halfway for very short timeouts.
  const warnAfter = idle > 0 ? Math.max(idle - 120, idle / 2) * 1000 : 0
  let timer = null
  let banner = null

  const stay = async () => {
    try {
      const r = await fetch('/account', { credentials: 'same-origin', redirect: 'manual' })
      if (r.ok) {
        banner.remove()
        banner = null
        arm()
        return
      }
    } catch (e) { /* fall through */ }
    banner.querySelector('p').textContent = 'You have been signed out. Sign in again: what you are sending now will be kept.'
  }

  const warn = () => {
    banner = document.createElement('div')
    banner.className = 'govuk-notification-banner rt-idle-warning'
    banner.setAttribute('role', 'alert')
    const minutes = Math.round((idle * 1000 - warnAfter) / 60000)
    const p = document.createElement('p')
    p.className = 'govuk-notification-banner__heading'
    p.textContent = `You will be signed out in ${minutes > 1 ? minutes + ' minutes' : 'a minute'} because nothing has happened for a while.`
    const button = document.createElement('button')
    button.type = 'button'
    button.className = 'govuk-button'
    button.textContent = 'Stay signed in'
    button.addEventListener('click', stay)
    const content = document.createElement('div')
    content.className = 'govuk-notification-banner__content'
    content.append(p, button)
    banner.append(content)
    document.getElementById('main-content').prepend(banner)
    button.focus()
  }

  const arm = () => {
    clearTimeout(timer)
    timer = setTimeout(warn, warnAfter)
  }

  if (warnAfter > 0) arm()
}
