// Real-browser journeys and accessibility checks for Roundtable.
//
//   node tests/browser/journeys.mjs        (from the repo root; `make browser-test`)
//
// Makes a temporary database (init + demo), serves it on a free loopback
// port, and drives Debian's Chromium through the main journeys, each once
// with JavaScript on and once with it off.  Every page visited is checked
// with axe (WCAG 2.0/2.1 A+AA, 2.2 AA); a serious or critical violation fails
// the check.  A full-page screenshot of each step goes to tests/browser/out/.
// Prints one line per check and ends with "N passed, N failed"; exits 1 if
// anything failed.

import { AsyncLocalStorage } from 'node:async_hooks';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { hangGuard } from './hang_guard.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const BIN = path.join(ROOT, 'build/roundtable');
const OUT = path.join(HERE, 'out');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
// A hang guard, not a deadline: the run fails only when no check has finished
// for this long, and says where it hung. A slow run that keeps going passes.
const HANG_MS = Number(process.env.RT_BROWSER_HANG_MS) || 600_000;
const TODAY = new Date().toISOString().slice(0, 10);
// The same day as members read it: "4 December 2026".
const TODAY_WORDS = new Date(`${TODAY}T12:00:00Z`).toLocaleDateString('en-GB',
  { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

let passed = 0;
let failed = 0;
let tmp = null;
let server = null;
let serverLog = '';
let station = null; // a second server: an offline station of the hub (journey 15)
let browser = null;

// ---- reporting ---------------------------------------------------------

// The JS and no-JS runs go side by side; each keeps its lines together and
// prints them when it ends, so its notes stay under their checks.
const runLog = new AsyncLocalStorage();
const pending = new Set();

function log(line) {
  const buf = runLog.getStore();
  if (buf) buf.push(line);
  else console.log(line);
}

function flush(buf) {
  if (buf.length) console.log(buf.splice(0).join('\n'));
}

let interrupted = false;

function record(ok, name, detail) {
  if (interrupted) return ok; // what fails after a signal is the signal's doing
  if (ok) passed++;
  else failed++;
  guard.progress(name);
  log(`${ok ? 'PASS' : 'FAIL'} ${name}${!ok && detail ? ` — ${detail}` : ''}`);
  return ok;
}

class StepFailed extends Error {}

// A step that the rest of its journey depends on: a failure ends the journey.
async function step(name, fn) {
  try {
    const r = await fn();
    record(true, name);
    return r;
  } catch (e) {
    record(false, name, oneLine(e));
    throw new StepFailed(name);
  }
}

// A check that the journey can carry on after.
async function check(name, fn) {
  try {
    await fn();
    return record(true, name);
  } catch (e) {
    return record(false, name, oneLine(e));
  }
}

function oneLine(e) {
  const s = e instanceof Error ? e.message : String(e);
  return s.split('\n').filter(Boolean).slice(0, 3).join(' | ');
}

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

// ---- the server --------------------------------------------------------

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function cli(...args) {
  return execFileSync(BIN, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

async function waitHealthy(base, ms) {
  const until = Date.now() + ms;
  let last = '';
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`server exited (${server.exitCode}): ${serverLog.trim()}`);
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.status === 200) return;
      last = `status ${r.status}`;
    } catch (e) {
      last = e.message;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`/healthz not ready after ${ms} ms (${last})`);
}

let stopping = false;
async function stopServer() {
  stopping = true;
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  const t = setTimeout(() => server.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(t);
}

// Every path out (normal end, hang guard, signal) awaits the same clean-up.
let cleaning = null;
function cleanup() {
  cleaning ??= tidy();
  return cleaning;
}

async function tidy() {
  const closing = browser ? browser.close().catch(() => {}) : null;
  if (closing) await Promise.race([closing, new Promise((r) => setTimeout(r, 5000))]);
  try { await stopServer(); } catch { /* already gone */ }
  if (station && station.exitCode === null && station.signalCode === null) {
    const exited = new Promise((r) => station.once('exit', r));
    station.kill('SIGTERM');
    const t = setTimeout(() => station.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(t);
  }
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
}

// A run killed outright (SIGKILL) cannot clean up: its folder, named with its
// pid, and a server still serving from it are removed by the next run.
function sweepStale() {
  for (const d of fs.readdirSync(os.tmpdir())) {
    const m = d.match(/^rt-browser-(\d+)-/);
    if (!m || alive(Number(m[1]))) continue;
    const dir = path.join(os.tmpdir(), d);
    for (const p of fs.readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
      let cmd = '';
      try { cmd = fs.readFileSync(`/proc/${p}/cmdline`, 'utf8'); } catch { continue; }
      if (cmd.startsWith(`${BIN}\0serve\0`) && (cmd.includes(`${dir}/r.db`) || cmd.includes(`${dir}/s.db`))) {
        try { process.kill(Number(p), 'SIGKILL'); } catch { /* gone */ }
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

// ---- pages -------------------------------------------------------------

// One run (JS on or off): a label, a browser-context factory and a counter
// for screenshot names.
class Run {
  constructor(base, js) {
    this.base = base;
    this.js = js;
    this.mode = js ? 'js' : 'nojs';
    this.shot = 0;
  }

  async page() {
    const ctx = await browser.newContext({
      baseURL: this.base,
      javaScriptEnabled: this.js,
      viewport: { width: 1024, height: 768 },
    });
    ctx.setDefaultTimeout(10_000);
    ctx.setDefaultNavigationTimeout(15_000);
    const page = await ctx.newPage();
    // Page events arrive outside this run's async context: bind them to it.
    const on = (ev, fn) => page.on(ev, AsyncLocalStorage.bind(fn));
    on('pageerror', (e) => record(false, `[${this.mode}] no script errors on ${page.url()}`, e.message));
    on('console', (m) => {
      // A 4xx page is reported as a failed load: the checks judge status codes themselves.
      if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) {
        log(`  [${this.mode}] console error on ${pathOf(page)}: ${m.text()}`);
      }
    });
    on('response', (r) => {
      if (r.status() >= 400 && r.request().resourceType() !== 'document') {
        log(`  [${this.mode}] note: ${r.status()} for ${r.request().resourceType()} ${new URL(r.url()).pathname} on ${pathOf(page)}`);
      }
    });
    return page;
  }

  // axe runs in the page, and cannot with JavaScript off (its timers never
  // fire).  So for the no-JS run the page's DOM, scripts removed, is loaded
  // into a JS-enabled page, with a <base> so that the same styles load.
  async axePage(page) {
    if (this.js) return page;
    if (!this.axeCtx) {
      this.axeCtx = await browser.newContext({ javaScriptEnabled: true, viewport: { width: 1024, height: 768 } });
      this.axeCtx.setDefaultTimeout(10_000);
      this.twin = await this.axeCtx.newPage();
      // Same origin as the server, so its styles load under
      // Cross-Origin-Resource-Policy: same-origin.
      await this.twin.goto(`${this.base}/healthz`);
    }
    const html = (await page.content())
      .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
      .replace(/<head>/i, `<head><base href="${this.base}/">`);
    await this.twin.setContent(html, { waitUntil: 'load' });
    return this.twin;
  }

  async close() {
    if (this.axeCtx) await this.axeCtx.close();
    this.axeCtx = null;
  }

  // Screenshot the page and run axe on it: every page visited goes through here.
  async visited(page, journey, what) {
    const n = String(++this.shot).padStart(2, '0');
    const file = path.join(OUT, `${this.mode}-${n}-${journey}-${slug(what)}.png`);
    const where = new URL(page.url()).pathname;
    await page.screenshot({ path: file, fullPage: true });
    await check(`[${this.mode}] axe: ${journey}: ${what} (${where})`, async () => {
      const res = await new AxeBuilder({ page: await this.axePage(page) }).withTags(AXE_TAGS).analyze();
      const bad = [];
      for (const v of res.violations) {
        const targets = v.nodes.map((nd) => nd.target.join(' ')).join(', ');
        if (v.impact === 'serious' || v.impact === 'critical') {
          bad.push(`${v.id} (${v.impact}) at ${targets}: ${v.help}`);
        } else {
          log(`  [${this.mode}] note: ${v.id} (${v.impact}) at ${targets}: ${v.help}`);
        }
      }
      if (bad.length) {
        for (const b of bad) log(`  [${this.mode}] axe violation: ${b}`);
        throw new Error(`${bad.length} serious/critical: ${bad.map((b) => b.split(' ')[0]).join(', ')}`);
      }
    });
  }
}

function slug(s) {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function pathOf(page) {
  return new URL(page.url()).pathname;
}

// Click (or press) something that submits a form or follows a link and
// return the response of the page it lands on.
async function navigates(page, action) {
  const [resp] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), action()]);
  return resp;
}

async function submit(page) {
  return navigates(page, () => page.locator('main form[method="post"] button[type="submit"]').click());
}

async function selectByLabel(page, sel, re) {
  const value = await page.locator(`${sel} option`).evaluateAll(
    (opts, src) => {
      const r = new RegExp(src);
      const o = opts.find((x) => r.test(x.textContent.trim()));
      return o ? o.value : null;
    },
    re.source,
  );
  assert(value !== null, `no option matching ${re} in ${sel}`);
  await page.selectOption(sel, value);
  return value;
}

async function signIn(page, username, password) {
  await page.goto('/sign-in');
  await page.fill('#username', username);
  await page.fill('#password', password);
  return navigates(page, () => page.getByRole('button', { name: 'Sign in' }).click());
}

async function mainText(page) {
  return (await page.locator('main').innerText()).replace(/\s+/g, ' ');
}

async function signOut(page) {
  await navigates(page, () => page.getByRole('button', { name: 'Sign out', exact: true }).click());
  assert(pathOf(page) === '/sign-in' || pathOf(page) === '/', `sign-out landed on ${pathOf(page)}`);
}

// Sign in as a demo account and expect home.
async function signInHome(page, username, password) {
  await signIn(page, username, password);
  assert(pathOf(page) === '/', `landed on ${pathOf(page)}`);
}

// The error summary's messages, in order.
async function summaryMessages(page) {
  const summary = page.locator('.govuk-error-summary');
  assert(await summary.isVisible(), 'no visible error summary');
  return (await summary.locator('li').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
}

// Note (without failing) when the error summary lists its fields out of the
// form's order, which GOV.UK asks for.
async function noteSummaryOrder(run, page) {
  const order = await page.evaluate(() => {
    const ids = [...document.querySelectorAll('.govuk-error-summary a')].map((a) => a.getAttribute('href').slice(1));
    const fields = [...document.querySelectorAll('main form [id]')].map((e) => e.id);
    return { ids, pos: ids.map((id) => fields.indexOf(id)) };
  });
  const sorted = [...order.pos].sort((a, b) => a - b);
  if (order.pos.some((p, i) => p !== sorted[i])) {
    log(`  [${run.mode}] note: ${pathOf(page)} error summary lists ${order.ids.map((i) => `#${i}`).join(', ')}, not in the form's order`);
  }
}

// ---- journeys ----------------------------------------------------------

// 1. Admin first sign-in: one-time password, forced change, then home.
async function adminFirstSignIn(run, username, oneTime, newPassword) {
  const J = '1-first-sign-in';
  const page = await run.page();
  try {
    await page.goto('/sign-in');
    await run.visited(page, J, 'sign-in form');
    await step(`[${run.mode}] 1 ${username} signs in with the one-time password and is sent to /account/password`, async () => {
      await page.fill('#username', username);
      await page.fill('#password', oneTime);
      await navigates(page, () => page.getByRole('button', { name: 'Sign in' }).click());
      assert(pathOf(page) === '/account/password', `landed on ${pathOf(page)}`);
      assert(/choose a new password/i.test(await mainText(page)), 'no "choose a new password" message');
    });
    await run.visited(page, J, 'forced password change');
    await check(`[${run.mode}] 1 other pages redirect to the password change until it is done`, async () => {
      await page.goto('/sites');
      assert(pathOf(page) === '/account/password', `/sites showed ${pathOf(page)}`);
    });
    await step(`[${run.mode}] 1 too-short new password is refused with an error summary`, async () => {
      await page.fill('#current', oneTime);
      await page.fill('#password', 'short');
      await page.fill('#confirm', 'short');
      const resp = await submit(page);
      assert(resp.status() === 422, `status ${resp.status()}`);
      assert(await page.locator('.govuk-error-summary').isVisible(), 'no error summary');
    });
    await run.visited(page, J, 'password too short');
    await step(`[${run.mode}] 1 password changed`, async () => {
      await page.fill('#current', oneTime);
      await page.fill('#password', newPassword);
      await page.fill('#confirm', newPassword);
      const resp = await submit(page);
      assert(resp.status() === 200, `status ${resp.status()}`);
      assert(pathOf(page) !== '/account/password', 'still on the password form');
    });
    await run.visited(page, J, 'after password change');
    await check(`[${run.mode}] 1 after the change the admin lands on home (/)`, async () => {
      assert(pathOf(page) === '/', `landed on ${pathOf(page)}, not /`);
    });
    await step(`[${run.mode}] 1 home page opens and greets the admin`, async () => {
      if (pathOf(page) !== '/') await page.goto('/');
      assert(pathOf(page) === '/', `/ showed ${pathOf(page)}`);
      assert(/Welcome/.test(await page.locator('h1').innerText()), 'no welcome heading');
    });
    await run.visited(page, J, 'home');
    await check(`[${run.mode}] 1 GOV.UK JavaScript ${run.js ? 'ran' : 'did not run'}`, async () => {
      const cls = await page.locator('body').getAttribute('class');
      const on = /\bjs-enabled\b/.test(cls || '');
      assert(on === run.js, `body class is "${cls}"`);
    });
  } finally {
    await page.context().close();
  }
}

// 2. A newcomer's setup, as admin: site, wing, group, person, chair.
async function newcomer(run, admin, password) {
  const J = '2-newcomer';
  const tag = run.js ? 'JS' : 'No-JS';
  const site = `Millbrook Centre ${tag}`;
  const wing = `Orchard wing ${tag}`;
  const group = `Millbrook Council ${tag}`;
  const person = `Robin ${tag}`;
  const page = await run.page();
  let siteId;
  let groupId;
  try {
    await step(`[${run.mode}] 2 admin signs in with the new password`, async () => {
      await signIn(page, admin, password);
      assert(pathOf(page) === '/', `landed on ${pathOf(page)}`);
    });
    await page.goto('/sites');
    await run.visited(page, J, 'sites');
    await step(`[${run.mode}] 2 create a site`, async () => {
      await navigates(page, () => page.getByRole('link', { name: 'Add a site' }).click());
      assert(pathOf(page) === '/sites/new', `link went to ${pathOf(page)}`);
      await run.visited(page, J, 'new site form');
      await page.fill('#name', site);
      await page.selectOption('#kind', 'community_centre');
      await page.fill('#description', 'Drop-in centre where the council meets.');
      const resp = await submit(page);
      assert(resp.status() === 200, `status ${resp.status()}`);
      const m = pathOf(page).match(/^\/sites\/(\d+)$/);
      assert(m, `landed on ${pathOf(page)}`);
      siteId = m[1];
      assert((await page.locator('h1').innerText()).includes(site), 'site name not in the heading');
    });
    await run.visited(page, J, 'new site');
    await step(`[${run.mode}] 2 add a wing to the site`, async () => {
      await navigates(page, () => page.getByRole('link', { name: 'Add a wing or place' }).click());
      assert(pathOf(page) === `/sites/${siteId}/units/new`, `link went to ${pathOf(page)}`);
      await run.visited(page, J, 'new wing form');
      await page.fill('#name', wing);
      await page.selectOption('#kind', 'wing');
      const resp = await submit(page);
      assert(resp.status() === 200, `status ${resp.status()}`);
      assert(pathOf(page) === `/sites/${siteId}`, `landed on ${pathOf(page)}`);
    });
    await run.visited(page, J, 'site with wing');
    await step(`[${run.mode}] 2 create a group at the site`, async () => {
      await page.goto('/groups');
      await run.visited(page, J, 'groups');
      await navigates(page, () => page.getByRole('link', { name: 'Add a group' }).click());
      assert(pathOf(page) === '/groups/new', `link went to ${pathOf(page)}`);
      await run.visited(page, J, 'new group form');
      await page.fill('#name', group);
      await page.selectOption('#kind', 'council');
      await page.selectOption('#site_id', siteId);
      await page.fill('#purpose', 'Residents speak for residents.');
      const resp = await submit(page);
      assert(resp.status() === 200, `status ${resp.status()}`);
      const m = pathOf(page).match(/^\/groups\/(\d+)$/);
      assert(m, `landed on ${pathOf(page)}`);
      groupId = m[1];
    });
    await run.visited(page, J, 'new group');
    await step(`[${run.mode}] 2 add a person at the site and wing`, async () => {
      await page.goto('/people');
      await run.visited(page, J, 'people');
      await navigates(page, () => page.getByRole('link', { name: 'Add a person' }).click());
      assert(pathOf(page) === '/people/new', `link went to ${pathOf(page)}`);
      await run.visited(page, J, 'new person form');
      await page.fill('#display_name', person);
      await page.selectOption('#status', 'in_community');
      await page.selectOption('#site_id', siteId);
      await selectByLabel(page, '#unit_id', new RegExp(`${wing}$`));
      const resp = await submit(page);
      assert(resp.status() === 200, `status ${resp.status()}`);
      assert(/^\/people\/\d+$/.test(pathOf(page)), `landed on ${pathOf(page)}`);
      const text = await mainText(page);
      assert(text.includes(person), 'name not shown');
      assert(text.includes(wing), 'wing not shown on the person page');
    });
    await run.visited(page, J, 'new person');
    await step(`[${run.mode}] 2 add the person to the group as chair`, async () => {
      await page.goto(`/groups/${groupId}`);
      await navigates(page, () => page.getByRole('link', { name: 'Add a member' }).click());
      assert(pathOf(page) === `/groups/${groupId}/members/new`, `link went to ${pathOf(page)}`);
      await run.visited(page, J, 'new member form');
      await selectByLabel(page, '#person_id', new RegExp(`^${person} \\(`));
      await page.selectOption('#position', 'chair');
      assert((await page.inputValue('#from_on')) === TODAY, 'from date is not today by default');
      const resp = await submit(page);
      assert(resp.status() === 200, `status ${resp.status()}`);
      assert(pathOf(page) === `/groups/${groupId}`, `landed on ${pathOf(page)}`);
    });
    await run.visited(page, J, 'group with chair');
    await check(`[${run.mode}] 2 the group page lists the person as chair`, async () => {
      const row = page.locator('main table tbody tr', { hasText: person });
      assert((await row.count()) === 1, `${await row.count()} rows for ${person}`);
      const cells = (await row.locator('td').allInnerTexts()).map((s) => s.trim());
      assert(cells[1] === 'Chair', `position cell is "${cells[1]}"`);
      assert(cells[2] === TODAY_WORDS, `since cell is "${cells[2]}"`);
    });
    await check(`[${run.mode}] 2 the site page lists the wing (with 1 person) and the group`, async () => {
      await page.goto(`/sites/${siteId}`);
      const row = page.locator('main table tbody tr', { hasText: wing });
      assert((await row.count()) === 1, `${await row.count()} rows for ${wing}`);
      const cells = (await row.locator('td').allInnerTexts()).map((s) => s.trim());
      assert(cells[1] === 'Wing', `kind cell is "${cells[1]}"`);
      assert(cells[2] === '1', `people cell is "${cells[2]}"`);
      assert(await page.getByRole('link', { name: group }).count() === 1, 'group not listed');
    });
    await run.visited(page, J, 'site page at the end');
  } finally {
    await page.context().close();
  }
}

// 3. The new-site form submitted with its required fields empty.
async function validation(run, admin, password) {
  const J = '3-validation';
  const kept = 'Text the user typed, which must survive the error.';
  const page = await run.page();
  try {
    await step(`[${run.mode}] 3 admin opens the new-site form`, async () => {
      await signIn(page, admin, password);
      await page.goto('/sites/new');
      assert(pathOf(page) === '/sites/new', `landed on ${pathOf(page)}`);
    });
    await step(`[${run.mode}] 3 submitting it empty re-renders with status 422`, async () => {
      await page.fill('#description', kept);
      const resp = await submit(page);
      assert(resp.status() === 422, `status ${resp.status()}`);
    });
    await run.visited(page, J, 'new site errors');
    await check(`[${run.mode}] 3 the title starts "Error:"`, async () => {
      const t = await page.title();
      assert(t.startsWith('Error: '), `title is "${t}"`);
    });
    await check(`[${run.mode}] 3 the error summary is shown above the form and links to #name`, async () => {
      const summary = page.locator('.govuk-error-summary');
      assert(await summary.isVisible(), 'no visible error summary');
      const hrefs = await summary.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert(hrefs.includes('#name'), `summary links are ${JSON.stringify(hrefs)}`);
      for (const h of hrefs) {
        const n = await page.locator(h).count();
        assert(n === 1, `${h} matches ${n} elements`);
      }
      const before = await page.evaluate(() => {
        const s = document.querySelector('.govuk-error-summary');
        const f = document.querySelector('main form[method="post"]');
        return !!(s.compareDocumentPosition(f) & Node.DOCUMENT_POSITION_FOLLOWING);
      });
      assert(before, 'summary is not before the form');
    });
    await check(`[${run.mode}] 3 the name field shows its error and is described by it`, async () => {
      assert(await page.locator('#name-error').isVisible(), 'no visible #name-error');
      const by = (await page.getAttribute('#name', 'aria-describedby')) || '';
      assert(by.split(/\s+/).includes('name-error'), `aria-describedby is "${by}"`);
      const cls = (await page.getAttribute('#name', 'class')) || '';
      assert(cls.includes('govuk-input--error'), 'input lacks the error style');
    });
    await check(`[${run.mode}] 3 the user's other input is kept`, async () => {
      const v = await page.inputValue('#description');
      assert(v === kept, `description is "${v}"`);
    });
    if (run.js) {
      await check(`[js] 3 focus starts on the error summary`, async () => {
        const cls = await page.evaluate(() => document.activeElement?.className || '');
        assert(cls.includes('govuk-error-summary'), `focus is on ".${cls}"`);
      });
    }
    await check(`[${run.mode}] 3 following the summary link reaches the name field`, async () => {
      await page.locator('.govuk-error-summary a[href="#name"]').click();
      const state = await page.evaluate(() => ({
        focus: document.activeElement?.id || document.activeElement?.tagName,
        target: document.querySelector(':target')?.id || null,
      }));
      if (run.js) assert(state.focus === 'name', `focus is on ${state.focus}`);
      else assert(state.focus === 'name' || state.target === 'name', `focus ${state.focus}, :target ${state.target}`);
    });
    await run.visited(page, J, 'after following the error link');
    await step(`[${run.mode}] 3 correcting the form then succeeds`, async () => {
      await page.fill('#name', `Corrected Site ${run.mode}`);
      await page.selectOption('#kind', 'other');
      const resp = await submit(page);
      assert(resp.status() === 200, `status ${resp.status()}`);
      assert(/^\/sites\/\d+$/.test(pathOf(page)), `landed on ${pathOf(page)}`);
      assert((await mainText(page)).includes(kept), 'description lost');
    });
    await run.visited(page, J, 'corrected site');
  } finally {
    await page.context().close();
  }
}

// 4. Keyboard only: no clicks, no fill — Tab, Enter, arrows and typing.
async function keyboardOnly(run, password) {
  const J = '4-keyboard';
  const page = await run.page();
  const name = 'Keyboard Kim';
  const unseenFocus = new Set();

  const focused = () =>
    page.evaluate(() => {
      const e = document.activeElement;
      if (!e || e === document.body) return { desc: 'body', visible: true };
      const cs = getComputedStyle(e);
      const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0 &&
        !/rgba\(\d+, \d+, \d+, 0\)|transparent/.test(cs.outlineColor);
      const shadow = cs.boxShadow && cs.boxShadow !== 'none';
      const desc = e.id ? `#${e.id}` : `${e.tagName.toLowerCase()}[href=${e.getAttribute('href')}]` +
        (e.textContent.trim() ? ` "${e.textContent.trim().slice(0, 30)}"` : '');
      return { desc, id: e.id, href: e.getAttribute('href'), tag: e.tagName, text: e.textContent.trim(), visible: outline || shadow };
    });

  // Press Tab until `want(focus)` holds; note any stop without a visible focus style.
  async function tabTo(what, want, max = 40) {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      const f = await focused();
      if (!f.visible) unseenFocus.add(`${pathOf(page)} ${f.desc}`);
      if (want(f)) return f;
    }
    throw new Error(`${what} not reached in ${max} Tab presses`);
  }

  async function enterNavigates(expectPath) {
    await navigates(page, () => page.keyboard.press('Enter'));
    assert(expectPath.test(pathOf(page)), `Enter went to ${pathOf(page)}`);
  }

  // A closed <select> takes arrow keys; step down until the value is right.
  async function arrowTo(id, value) {
    await tabTo(`#${id}`, (f) => f.id === id);
    for (let i = 0; i < 30; i++) {
      if ((await page.inputValue(`#${id}`)) === value) return;
      await page.keyboard.press('ArrowDown');
    }
    throw new Error(`#${id} never reached "${value}"`);
  }

  try {
    await page.goto('/sign-in');
    await check(`[${run.mode}] 4 the first Tab reaches the skip link`, async () => {
      await page.keyboard.press('Tab');
      const f = await focused();
      assert(f.href === '#main-content', `first Tab focused ${f.desc}`);
      assert(await page.locator('.govuk-skip-link').isVisible(), 'skip link not visible when focused');
    });
    await step(`[${run.mode}] 4 coordinator.fenwick signs in by keyboard`, async () => {
      await tabTo('#username', (f) => f.id === 'username');
      await page.keyboard.type('coordinator.fenwick');
      await tabTo('#password', (f) => f.id === 'password');
      await page.keyboard.type(password);
      await enterNavigates(/^\/$/);
    });
    await run.visited(page, J, 'home');
    await step(`[${run.mode}] 4 reach People from the header by keyboard`, async () => {
      await tabTo('People link', (f) => f.href === '/people');
      await enterNavigates(/^\/people$/);
    });
    await run.visited(page, J, 'people');
    await step(`[${run.mode}] 4 open "Add a person" by keyboard`, async () => {
      await tabTo('Add a person link', (f) => f.href === '/people/new');
      await enterNavigates(/^\/people\/new$/);
    });
    await run.visited(page, J, 'new person form');
    await step(`[${run.mode}] 4 fill in the form by keyboard and submit with Enter`, async () => {
      await tabTo('#display_name', (f) => f.id === 'display_name');
      await page.keyboard.type(name);
      await arrowTo('status', 'in_custody');
      await arrowTo('site_id', '1');
      const bWing = await page.locator('#unit_id option', { hasText: /B wing$/ }).getAttribute('value');
      await arrowTo('unit_id', bWing);
      await tabTo('#restrictions', (f) => f.id === 'restrictions');
      await page.keyboard.type('None known.');
      await run.visited(page, J, 'filled form');
      await tabTo('Add person button', (f) => f.tag === 'BUTTON' && f.text === 'Add person');
      await enterNavigates(/^\/people\/\d+$/);
      const text = await mainText(page);
      assert(text.includes(name), 'name not on the new person page');
      assert(text.includes('B wing'), 'wing not on the new person page');
    });
    await run.visited(page, J, 'new person');
    await check(`[${run.mode}] 4 every keyboard focus stop had a visible focus style`, async () => {
      assert(unseenFocus.size === 0, [...unseenFocus].join('; '));
    });
  } finally {
    await page.context().close();
  }
}

// 5. A coordinator for another site is refused HMP Fenwick.
async function access(run, admin, adminPassword, demoPassword) {
  const J = '5-access';
  let fenwick;
  await step(`[${run.mode}] 5 find HMP Fenwick's id from the admin's /sites (JSON)`, async () => {
    const page = await run.page();
    try {
      await signIn(page, admin, adminPassword);
      const r = await page.context().request.get('/sites', { headers: { Accept: 'application/json' } });
      assert(r.status() === 200, `status ${r.status()}`);
      const body = await r.json();
      const s = (body.sites || []).find((x) => x.name === 'HMP Fenwick');
      assert(s, 'HMP Fenwick not in the list');
      fenwick = s.id;
    } finally {
      await page.context().close();
    }
  });
  const page = await run.page();
  try {
    await step(`[${run.mode}] 5 coordinator.harbour signs in`, async () => {
      await signIn(page, 'coordinator.harbour', demoPassword);
      assert(pathOf(page) === '/', `landed on ${pathOf(page)}`);
    });
    await page.goto('/sites');
    await run.visited(page, J, 'harbour sites');
    await check(`[${run.mode}] 5 HMP Fenwick is not in coordinator.harbour's /sites`, async () => {
      assert(!(await mainText(page)).includes('HMP Fenwick'), 'HMP Fenwick is listed');
    });
    await step(`[${run.mode}] 5 opening /sites/${fenwick} (HMP Fenwick) gives 403`, async () => {
      const resp = await page.goto(`/sites/${fenwick}`);
      assert(resp.status() === 403, `status ${resp.status()}`);
      assert(!(await mainText(page)).includes('HMP Fenwick'), 'the page names HMP Fenwick');
    });
    await run.visited(page, J, 'forbidden');
    await check(`[${run.mode}] 5 sign out from the header, then pages ask to sign in`, async () => {
      await page.goto('/');
      await navigates(page, () => page.getByRole('button', { name: 'Sign out' }).click());
      await page.goto('/sites');
      assert(pathOf(page) === '/sign-in', `/sites showed ${pathOf(page)}`);
    });
    await run.visited(page, J, 'signed out');
  } finally {
    await page.context().close();
  }
}

// 6. A rep logs a conversation; a prison number in the text is refused.
async function logConversation(run, password, convo) {
  const J = '6-log';
  const tag = run.js ? 'js run' : 'no-js run';
  const raised = `No tablets on the wing at night, ${tag}`;
  const action = `Ask healthcare about the night tablets, ${tag}`;
  const page = await run.page();
  try {
    await step(`[${run.mode}] 6 rep.fenwick signs in and opens the log form`, async () => {
      await signInHome(page, 'rep.fenwick', password);
      await page.goto('/conversations/new');
      assert(pathOf(page) === '/conversations/new', `landed on ${pathOf(page)}`);
    });
    await run.visited(page, J, 'log form');
    await check(`[${run.mode}] 6 the form starts with HMP Fenwick, today's date and a time`, async () => {
      const site = (await page.locator('#site_id option:checked').innerText()).trim();
      assert(site === 'HMP Fenwick', `site is "${site}"`);
      const date = await page.inputValue('#occurred_on');
      assert(date === TODAY, `date is "${date}", not ${TODAY}`);
      const time = await page.inputValue('#occurred_time');
      assert(/^([01]\d|2[0-3]):[0-5]\d$/.test(time), `time is "${time}"`);
    });
    // axe misses this: a yes/no checkbox named only "Yes", its question a label for nothing.
    const orphans = await page.locator('main label[for]').evaluateAll((ls) =>
      ls.filter((l) => !document.getElementById(l.htmlFor)).map((l) => `label[for=${l.htmlFor}] "${l.textContent.trim()}"`));
    if (orphans.length) log(`  [${run.mode}] note: /conversations/new labels for no control: ${orphans.join('; ')}`);
    await step(`[${run.mode}] 6 a text with a prison number is refused: "Rephrase it so no one can be identified"`, async () => {
      await page.selectOption('#channel', 'wing_visit');
      await page.getByRole('checkbox', { name: 'Healthcare', exact: true }).check();
      await page.fill('#raised', 'A1234BC has no tablets');
      await page.selectOption('#consent', 'anonymous');
      await selectByLabel(page, '#outcome', /^Passed to the coordinator$/);
      const resp = await submit(page);
      assert(resp.status() === 422, `status ${resp.status()}`);
      const msgs = await summaryMessages(page);
      assert(msgs.some((m) => m.includes('Rephrase it so no one can be identified')), `summary says ${JSON.stringify(msgs)}`);
    });
    await run.visited(page, J, 'prison number refused');
    await check(`[${run.mode}] 6 "Passed to the coordinator" without a follow-up action is refused too`, async () => {
      const msgs = await summaryMessages(page);
      assert(msgs.some((m) => /^Enter the follow-up action/.test(m)), `summary says ${JSON.stringify(msgs)}`);
      assert(await page.locator('#followup_action-error').isVisible(), 'no visible #followup_action-error');
    });
    await check(`[${run.mode}] 6 the text field shows its error and the rest of the input is kept`, async () => {
      assert(await page.locator('#raised-error').isVisible(), 'no visible #raised-error');
      const by = (await page.getAttribute('#raised', 'aria-describedby')) || '';
      assert(by.split(/\s+/).includes('raised-error'), `aria-describedby is "${by}"`);
      assert((await page.inputValue('#raised')) === 'A1234BC has no tablets', 'text not kept');
      assert(await page.getByRole('checkbox', { name: 'Healthcare', exact: true }).isChecked(), 'topic not kept');
      assert((await page.inputValue('#outcome')) === 'coordinator', 'outcome not kept');
      assert((await page.inputValue('#channel')) === 'wing_visit', 'channel not kept');
    });
    await noteSummaryOrder(run, page);
    await step(`[${run.mode}] 6 rephrased, with a follow-up action, the log is saved`, async () => {
      await page.fill('#raised', raised);
      await page.fill('#followup_action', action);
      const resp = await submit(page);
      assert(resp.status() === 200, `status ${resp.status()}`);
      assert(pathOf(page) === '/conversations/new', `landed on ${pathOf(page)}`);
    });
    await run.visited(page, J, 'logged');
    await step(`[${run.mode}] 6 a "Conversation logged" success banner shows on a fresh form`, async () => {
      const banner = page.locator('.govuk-notification-banner--success');
      assert(await banner.isVisible(), 'no success banner');
      const text = (await banner.innerText()).replace(/\s+/g, ' ');
      assert(text.includes('Conversation logged'), `banner says "${text}"`);
      assert((await page.inputValue('#raised')) === '', 'the text field is not empty');
      assert((await page.inputValue('#followup_action')) === '', 'the follow-up field is not empty');
      const href = await banner.locator('a').first().getAttribute('href');
      const m = (href || '').match(/^\/conversations\/(\d+)$/);
      assert(m, `banner link is ${href}`);
      convo.id = m[1];
    });
    await step(`[${run.mode}] 6 the log is listed at /conversations`, async () => {
      await page.goto('/conversations');
      const row = page.locator('main table tbody tr', { hasText: raised });
      assert((await row.count()) === 1, `${await row.count()} rows for the log`);
      const cells = (await row.locator('td').allInnerTexts()).map((s) => s.trim());
      assert(cells[1] === 'HMP Fenwick, A wing', `where cell is "${cells[1]}"`);
      assert(cells[3].startsWith('Passed to the coordinator'), `outcome cell is "${cells[3]}"`);
    });
    await run.visited(page, J, 'logs');
    await step(`[${run.mode}] 6 the log's page opens from the list`, async () => {
      const row = page.locator('main table tbody tr', { hasText: raised });
      await navigates(page, () => row.getByRole('link').click());
      assert(pathOf(page) === `/conversations/${convo.id}`, `link went to ${pathOf(page)}`);
      const text = await mainText(page);
      for (const want of [raised, 'Healthcare', 'Share anonymously', 'Passed to the coordinator', action]) {
        assert(text.includes(want), `"${want}" not on the page`);
      }
    });
    await run.visited(page, J, 'the log');
    convo.action = action;
  } finally {
    await page.context().close();
  }
}

// 7. The rep closes the follow-up that journey 6 made.
async function closeFollowUp(run, password, convo) {
  const J = '7-follow-up';
  await step(`[${run.mode}] 7 journey 6 left a follow-up to close`, async () => {
    assert(convo.action, 'no follow-up from journey 6');
  });
  const page = await run.page();
  const row = () => page.locator('main table tbody tr', { hasText: convo.action });
  try {
    await step(`[${run.mode}] 7 rep.fenwick's /followups lists the new follow-up`, async () => {
      await signInHome(page, 'rep.fenwick', password);
      await page.goto('/followups');
      assert((await row().count()) === 1, `${await row().count()} rows for "${convo.action}"`);
    });
    await run.visited(page, J, 'follow-ups');
    await step(`[${run.mode}] 7 its Close link opens the close form`, async () => {
      await navigates(page, () => row().getByRole('link', { name: /^Close/ }).click());
      assert(/^\/followups\/\d+\/close$/.test(pathOf(page)), `link went to ${pathOf(page)}`);
      assert((await mainText(page)).includes(convo.action), 'the form does not name the action');
    });
    await run.visited(page, J, 'close form');
    await step(`[${run.mode}] 7 closing it with nothing said is refused: "Enter what was done"`, async () => {
      const resp = await submit(page);
      assert(resp.status() === 422, `status ${resp.status()}`);
      const msgs = await summaryMessages(page);
      assert(msgs.includes('Enter what was done'), `summary says ${JSON.stringify(msgs)}`);
      assert(await page.locator('#close_note-error').isVisible(), 'no visible #close_note-error');
    });
    await run.visited(page, J, 'close form errors');
    await step(`[${run.mode}] 7 saying what was done closes it, and it leaves the open list`, async () => {
      await page.fill('#close_note', 'Healthcare moved the night round earlier.');
      const resp = await submit(page);
      assert(resp.status() === 200, `status ${resp.status()}`);
      assert(pathOf(page) === '/followups', `landed on ${pathOf(page)}`);
      assert((await row().count()) === 0, 'still listed as open');
    });
    await run.visited(page, J, 'after closing');
    if (!(await page.locator('.govuk-notification-banner').count())) {
      log(`  [${run.mode}] note: ${page.url().replace(run.base, '')} gives no confirmation that the follow-up was closed`);
    }
    await check(`[${run.mode}] 7 it is listed among the closed ones`, async () => {
      await page.goto('/followups?closed=1');
      assert((await row().count()) === 1, `${await row().count()} rows for "${convo.action}"`);
    });
  } finally {
    await page.context().close();
  }
}

// 8. Proposal loop: a member drafts and the group agrees it, the coordinator
// sends it, the governor turns it down with a reason, and the group reads why.
// 9. Minutes are saved as they are typed: type, never press Save, reload.
async function minutesAutosave(run, password) {
  const J = '9-autosave';
  // No long run of digits: the names check takes one for a phone number.
  const words = `Typed and never saved by hand, ${Date.now().toString(36)}`;
  const page = await run.page();
  try {
    await step(`[${run.mode}] 9 member.forum opens the draft minutes of the demo's second meeting`, async () => {
      await signInHome(page, 'member.forum', password);
      await page.goto('/meetings/2/minutes');
      assert(pathOf(page) === '/meetings/2/minutes', `landed on ${pathOf(page)}`);
    });
    await run.visited(page, J, 'minutes form');
    await step(`[${run.mode}] 9 typing is saved without pressing Save`, async () => {
      const box = page.locator('textarea').first();
      await box.fill(words);
      await box.press('End');
      await page.waitForFunction(() => /Saved/.test(document.getElementById('autosave-status')?.textContent || ''), null, { timeout: 10_000 });
    });
    await step(`[${run.mode}] 9 after a reload the words are still there`, async () => {
      await page.reload();
      const value = await page.locator('textarea').first().inputValue();
      assert(value === words, `the box holds "${value}"`);
    });
  } finally {
    await page.context().close();
  }
}

// 10. Secret ballot: member.forum (Eric in the demo) finds the open rep
// election from his group and numbers the candidates, as Dennis's proxy
// (or for himself, were it run with JavaScript on too).
async function electionVote(run, password) {
  const J = '10-election';
  const whose = run.js ? 'Myself' : 'Dennis';
  const page = await run.page();
  let id;
  try {
    await step(`[${run.mode}] 10 member.forum opens the group's elections from /groups/1`, async () => {
      await signInHome(page, 'member.forum', password);
      await page.goto('/groups/1');
      await navigates(page, () => page.getByRole('link', { name: 'Elections', exact: true }).click());
      assert(pathOf(page) === '/groups/1/elections', `link went to ${pathOf(page)}`);
    });
    await run.visited(page, J, 'elections');
    await step(`[${run.mode}] 10 the rep election is open and shows no count`, async () => {
      await navigates(page, () => page.getByRole('link', { name: 'Rep', exact: true }).click());
      const m = pathOf(page).match(/^\/elections\/(\d+)$/);
      assert(m, `landed on ${pathOf(page)}`);
      id = m[1];
      const text = await mainText(page);
      assert(text.includes('Voting open'), 'not shown as open');
      assert(!/elected/.test(text), 'a result is shown before the close');
    });
    await run.visited(page, J, 'election');
    await step(`[${run.mode}] 10 the ballot is numbered and cast (${whose})`, async () => {
      await navigates(page, () => page.getByRole('link', { name: 'Vote', exact: true }).click());
      assert(pathOf(page) === `/elections/${id}/vote`, `link went to ${pathOf(page)}`);
      await run.visited(page, J, 'ballot');
      await page.getByLabel(whose, { exact: true }).check();
      // Each box is read out as "Your number for Bernard" (the name
      // is what shows).
      await page.getByRole('textbox', { name: 'Your number for Bernard', exact: true }).fill('1');
      await page.getByRole('textbox', { name: 'Your number for Frank', exact: true }).fill('2');
      const resp = await submit(page);
      assert(resp.status() === 200, `status ${resp.status()}`);
      assert(pathOf(page) === `/elections/${id}`, `landed on ${pathOf(page)}`);
    });
    await run.visited(page, J, 'voted');
  } finally {
    await page.context().close();
  }
}

// 12. The membership lifecycle's pages, as a coordinator: the busiest ones
// checked with axe (the run has a time budget), and the claim form's
// error page, which has its own template.
async function membership(run, password) {
  const J = '12-membership';
  const page = await run.page();
  const pages = [
    ['/groups/2/pipeline', 'pipeline', /Recruitment and succession/],
    ['/sites/1/training', 'training matrix', /Who is trained for what/],
    ['/people/7/supervision', 'supervision log', /Finding the wing visits tiring/],
  ];
  try {
    await step(`[${run.mode}] 12 coordinator.fenwick signs in`, async () => {
      await signInHome(page, 'coordinator.fenwick', password);
    });
    for (const [href, label, want] of pages) {
      await step(`[${run.mode}] 12 ${label} shows what it should (${href})`, async () => {
        await page.goto(href);
        assert(want.test(await mainText(page)), `no ${want} on ${href}`);
      });
      await run.visited(page, J, label);
    }
    await step(`[${run.mode}] 12 a claim of 12.505 is refused, naming the amount`, async () => {
      await page.goto('/expenses/new');
      await selectByLabel(page, '#group_id', /Wellbeing Rep Team/);
      await selectByLabel(page, '#kind', /Travel/);
      await page.fill('#description', 'Bus fare');
      await page.fill('#amount', '12.505');
      await submit(page);
      const msgs = await summaryMessages(page);
      assert(msgs.some((m) => /^Amount in pounds: enter pounds and pence/.test(m)), `summary: ${msgs.join(' / ')}`);
    });
    await run.visited(page, J, 'claim errors');
  } finally {
    await page.context().close();
  }
}

// Peer support: an officer asks for a supporter (a name in "what about"
// is refused), the supporter accepts, sees and closes it as a safety
// concern (refused until the member of staff told is named), and the
// coordinator finds it on the home page, the rota's gaps and the measures.
async function peerSupport(run, password) {
  const J = '15-peer';
  const page = await run.page();
  const about = `first night ${run.mode}`;
  try {
    await step(`[${run.mode}] 15 rep.fenwick asks for a peer supporter`, async () => {
      await signInHome(page, 'rep.fenwick', password);
      await page.goto('/sites/1/peer/now');
      assert(/Peer supporters on duty now/.test(await mainText(page)), 'no "on duty now" page');
    });
    await run.visited(page, J, 'on duty now');
    await step(`[${run.mode}] 15 a name in "what about" is refused`, async () => {
      await navigates(page, () => page.getByRole('link', { name: 'Ask for a peer supporter' }).click());
      await selectByLabel(page, '#unit_id', /^D wing$/);
      await selectByLabel(page, '#asked_by', /An officer/);
      await selectByLabel(page, '#urgency', /^Now/);
      await page.fill('#about', 'Mr Smith is upset');
      await submit(page);
      const msgs = await summaryMessages(page);
      assert(msgs.some((m) => m.includes('Rephrase it so no one can be identified')), `summary: ${msgs.join(' / ')}`);
    });
    await run.visited(page, J, 'request refused');
    await step(`[${run.mode}] 15 the request is sent`, async () => {
      await page.fill('#about', about);
      await submit(page);
      assert(/^\/peer-requests\/\d+$/.test(pathOf(page)), `landed on ${pathOf(page)}`);
    });
    const request = pathOf(page);
    await run.visited(page, J, 'request sent');
    await signOut(page);
    await step(`[${run.mode}] 15 the supporter accepts and sees them`, async () => {
      await signInHome(page, 'supporter.fenwick', password);
      await page.goto('/sites/1/peer/requests');
      assert((await mainText(page)).includes(about), 'request not listed for the supporter');
      await page.goto(request);
      await navigates(page, () => page.getByRole('button', { name: 'Accept: I will see them' }).click());
      await navigates(page, () => page.getByRole('button', { name: 'I have seen them now' }).click());
      await navigates(page, () => page.getByRole('link', { name: 'Close with the outcome' }).click());
    });
    await run.visited(page, J, 'close form');
    await step(`[${run.mode}] 15 a safety concern needs the member of staff told`, async () => {
      await selectByLabel(page, '#outcome', /Concern for someone's safety/);
      await submit(page);
      const msgs = await summaryMessages(page);
      assert(msgs.some((m) => m.includes('name of the member of staff')), `summary: ${msgs.join(' / ')}`);
    });
    await run.visited(page, J, 'close refused');
    await step(`[${run.mode}] 15 closed with who was told and when`, async () => {
      await page.fill('#told_name', 'Ms Adeyemi');
      await page.fill('#told_role', 'Safer custody');
      await page.fill('#told_on', '2026-01-02');
      await page.fill('#told_time', '10:30');
      await submit(page);
      assert(pathOf(page) === request, `landed on ${pathOf(page)}`);
      assert(/Ms Adeyemi, Safer custody/.test(await mainText(page)), 'staff told not shown');
    });
    await run.visited(page, J, 'closed');
    await signOut(page);
    await step(`[${run.mode}] 15 the coordinator sees it on the home page`, async () => {
      await signInHome(page, 'coordinator.fenwick', password);
      assert(/Concern for someone's safety/.test(await mainText(page)), 'no concern on home');
    });
    await run.visited(page, J, 'home with concern');
    for (const [href, label, want] of [
      ['/sites/1/peer/rota', 'rota', /Gap/],
      ['/sites/1/peer/measures', 'measures', /Time to first contact/],
      ['/sites/1/peer/wellbeing', 'wellbeing', /Debriefs asked for/],
    ]) {
      await step(`[${run.mode}] 15 ${label} shows what it should`, async () => {
        await page.goto(href);
        assert(want.test(await mainText(page)), `no ${want} on ${href}`);
      });
      await run.visited(page, J, label);
    }
  } finally {
    await page.context().close();
  }
}

async function proposalLoop(run, password) {
  const J = '8-proposal';
  const tag = run.js ? 'JS' : 'No-JS';
  const title = `Large-print menus (${tag})`;
  const options = ['Print the menu in large type', 'Read the menu out on the wing'];
  const reason = `the menu boards are being replaced in the spring (${tag.toLowerCase()})`;
  const page = await run.page();
  let id;
  try {
    await step(`[${run.mode}] 8 member.forum opens "Draft a proposal" from /groups/1`, async () => {
      await signInHome(page, 'member.forum', password);
      await page.goto('/groups/1');
      await run.visited(page, J, 'group');
      await navigates(page, () => page.getByRole('link', { name: 'Draft a proposal' }).click());
      assert(pathOf(page) === '/groups/1/proposals/new', `link went to ${pathOf(page)}`);
    });
    await run.visited(page, J, 'new proposal form');
    await step(`[${run.mode}] 8 the draft is saved`, async () => {
      await page.fill('#title', title);
      await page.fill('#problem', 'Members cannot read the small print on the menu sheet.');
      await page.fill('#options', options.join('\n'));
      await page.locator('#issue_ids input[type="checkbox"]').first().check();
      const resp = await submit(page);
      assert(resp.status() === 200, `status ${resp.status()}`);
      const m = pathOf(page).match(/^\/proposals\/(\d+)$/);
      assert(m, `landed on ${pathOf(page)}`);
      id = m[1];
      assert((await page.locator('h1').innerText()).includes(title), 'title not in the heading');
      const items = (await page.locator('main ol li').allInnerTexts()).map((s) => s.trim());
      assert(options.every((o) => items.includes(o)), `options listed as ${JSON.stringify(items)}`);
      assert((await mainText(page)).includes('Draft'), 'not shown as a draft');
    });
    await run.visited(page, J, 'draft');
    await step(`[${run.mode}] 8 the group's decision is recorded: agreed by consensus`, async () => {
      await navigates(page, () => page.getByRole('link', { name: "Record the group's decision" }).click());
      assert(pathOf(page) === `/proposals/${id}/vote`, `link went to ${pathOf(page)}`);
      await run.visited(page, J, 'vote form');
      await selectByLabel(page, '#outcome', /^The group agreed it$/);
      await page.check('#consensus');
      const resp = await submit(page);
      assert(resp.status() === 200, `status ${resp.status()}`);
      if (pathOf(page) !== `/proposals/${id}`) await page.goto(`/proposals/${id}`);
      assert((await mainText(page)).includes('Agreed by the group'), 'not shown as agreed');
    });
    await run.visited(page, J, 'agreed');
    await step(`[${run.mode}] 8 member.forum signs out`, () => signOut(page));

    await step(`[${run.mode}] 8 coordinator.fenwick sends it to the governor`, async () => {
      await signInHome(page, 'coordinator.fenwick', password);
      await page.goto(`/proposals/${id}`);
      await run.visited(page, J, 'coordinator sees proposal');
      await navigates(page, () => page.getByRole('link', { name: 'Send to a decision maker' }).click());
      assert(pathOf(page) === `/proposals/${id}/submit`, `link went to ${pathOf(page)}`);
      await run.visited(page, J, 'send form');
      await selectByLabel(page, '#decision_maker_id', /^Governor, HMP Fenwick$/);
      const resp = await submit(page);
      assert(resp.status() === 200, `status ${resp.status()}`);
      if (pathOf(page) !== `/proposals/${id}`) await page.goto(`/proposals/${id}`);
      assert((await mainText(page)).includes('Waiting for a decision'), 'not shown as waiting for a decision');
    });
    await run.visited(page, J, 'sent');
    await step(`[${run.mode}] 8 coordinator.fenwick signs out`, () => signOut(page));

    await step(`[${run.mode}] 8 governor.fenwick sees it at /decisions and opens it`, async () => {
      await signInHome(page, 'governor.fenwick', password);
      await page.goto('/decisions');
      await run.visited(page, J, 'decisions');
      const link = page.locator('main table tbody tr').getByRole('link', { name: title, exact: true });
      assert((await link.count()) === 1, `${await link.count()} links to "${title}"`);
      await navigates(page, () => link.click());
      assert(pathOf(page) === `/proposals/${id}`, `link went to ${pathOf(page)}`);
    });
    await run.visited(page, J, 'governor sees proposal');
    await step(`[${run.mode}] 8 "Not accepted" without a reason is refused: "Enter the reason"`, async () => {
      await navigates(page, () => page.getByRole('link', { name: 'Respond', exact: true }).click());
      assert(pathOf(page) === `/proposals/${id}/respond`, `link went to ${pathOf(page)}`);
      await run.visited(page, J, 'respond form');
      await selectByLabel(page, '#kind', /^Not accepted$/);
      const resp = await submit(page);
      assert(resp.status() === 422, `status ${resp.status()}`);
      const msgs = await summaryMessages(page);
      assert(msgs.some((m) => m.startsWith('Enter the reason')), `summary says ${JSON.stringify(msgs)}`);
      assert(await page.locator('#reason-error').isVisible(), 'no visible #reason-error');
      assert((await page.inputValue('#kind')) === 'not_accepted', 'the decision was not kept');
    });
    await run.visited(page, J, 'respond errors');
    await step(`[${run.mode}] 8 with a reason the response is sent`, async () => {
      await page.fill('#reason', reason);
      const resp = await submit(page);
      assert(resp.status() === 200, `status ${resp.status()}`);
      assert(!/\/respond$/.test(pathOf(page)), 'still on the response form');
    });
    await run.visited(page, J, 'responded');
    await check(`[${run.mode}] 8 it has left governor.fenwick's /decisions`, async () => {
      await page.goto('/decisions');
      const n = await page.getByRole('link', { name: title, exact: true }).count();
      assert(n === 0, `still listed (${n})`);
    });
    await step(`[${run.mode}] 8 governor.fenwick signs out`, () => signOut(page));

    await step(`[${run.mode}] 8 member.forum reads "We could not, because" and the reason at /groups/1/you-said-we-did`, async () => {
      await signInHome(page, 'member.forum', password);
      await page.goto('/groups/1/you-said-we-did');
      const card = page.locator('.govuk-summary-card', { hasText: title });
      assert((await card.count()) === 1, `${await card.count()} cards for "${title}"`);
      const text = (await card.innerText()).replace(/\s+/g, ' ');
      assert(text.includes(`We could not, because ${reason}`), `card says "${text}"`);
    });
    await run.visited(page, J, 'you said we did');
  } finally {
    await page.context().close();
  }
}

// 11. A procurement panel: the GP reads the guidance and the declarations,
// scores question 2 alone and submits (JS run; the other run reads only,
// since a submission is once); the moderator then reads the lot and the
// spread of question 1.
async function procurementPanel(run, password) {
  const J = '11-panel';
  const page = await run.page();
  let checklist;
  try {
    await step(`[${run.mode}] 11 gp.evaluator opens their panel from /procurements`, async () => {
      await signInHome(page, 'gp.evaluator', password);
      await page.goto('/procurements');
      await run.visited(page, J, 'procurements');
      await navigates(page, () => page.getByRole('link', { name: /Healthcare for HMP Fenwick/ }).first().click());
      checklist = pathOf(page);
      assert(/^\/lots\/\d+\/evaluate$/.test(checklist), `landed on ${checklist}`);
    });
    await run.visited(page, J, 'checklist');
    await step(`[${run.mode}] 11 the declarations form asks about each bidder`, async () => {
      await navigates(page, () => page.getByRole('link', { name: 'Declare any connections' }).click());
      const n = await page.locator('main fieldset').count();
      assert(n === 2, `${n} bidders asked about`);
    });
    await run.visited(page, J, 'declarations');
    if (run.js) {
      await step(`[${run.mode}] 11 gp.evaluator scores question 2 and submits`, async () => {
        await page.goto(checklist);
        await navigates(page, () => page.getByRole('link', { name: /^Question 2/ }).click());
        await page.getByRole('radio', { name: '4: Good' }).nth(0).check();
        await page.getByRole('radio', { name: '2: Weak' }).nth(1).check();
        await page.locator('main textarea').nth(0).fill('Service users shape the contract measures.');
        await page.locator('main textarea').nth(1).fill('A survey once a year only.');
        await run.visited(page, J, 'scoring form');
        await navigates(page, () => page.getByRole('button', { name: 'Submit my scores' }).click());
        assert(pathOf(page) === checklist, `landed on ${pathOf(page)}`);
        const done = await page.locator('.govuk-tag', { hasText: 'Submitted' }).count();
        assert(done === 2, `${done} questions show Submitted`);
      });
    }
    await step(`[${run.mode}] 11 gp.evaluator signs out`, () => signOut(page));
    await step(`[${run.mode}] 11 coordinator.fenwick, the moderator, opens the lot`, async () => {
      await signInHome(page, 'coordinator.fenwick', password);
      await page.goto(checklist.replace(/\/evaluate$/, ''));
      assert((await page.getByRole('heading', { name: 'Weighted totals' }).count()) === 1, 'no totals');
    });
    await run.visited(page, J, 'lot');
    await step(`[${run.mode}] 11 the spread and the agreed scores of question 1`, async () => {
      await navigates(page, () => page.getByRole('link', { name: /Spread and consensus for question 1$/ }).click());
      const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
      assert(text.includes('Agreed: 4.'), `page says "${text.slice(0, 300)}"`);
    });
    await run.visited(page, J, 'consensus');
  } finally {
    await page.context().close();
  }
}

// 13. A kiosk on a shared laptop.  Staff hand over a signed-out browser
// at the kiosk link; one person answers, and the next person's form, and
// Back, show nothing of it.
async function surveyKiosk(run, password) {
  const J = '13-kiosk';
  const page = await run.page();
  const secret = `Nobody else may read this ${run.mode}`;
  let kiosk;
  try {
    await step(`[${run.mode}] 13 coordinator.westvale finds the kiosk link`, async () => {
      await signInHome(page, 'coordinator.westvale', password);
      await page.goto('/surveys');
      await run.visited(page, J, 'surveys');
      await navigates(page, () => page.getByRole('link', { name: 'What should reception be like?' }).click());
      const token = await page.locator('form[action="/kiosk"] input[name="t"]').getAttribute('value');
      assert(token, 'no kiosk token on the survey page');
      kiosk = `/kiosk?t=${encodeURIComponent(token)}`;
    });
    await run.visited(page, J, 'survey');
    await step(`[${run.mode}] 13 the laptop is signed out and handed over`, () => signOut(page));
    await step(`[${run.mode}] 13 one person answers at the kiosk`, async () => {
      await page.goto(kiosk);
      await run.visited(page, J, 'kiosk form');
      await page.locator('main textarea').fill(secret);
      await page.getByLabel('I agree').check();
      await navigates(page, () => page.getByRole('button', { name: 'Send my answers' }).click());
      assert(pathOf(page) === '/kiosk', `landed on ${pathOf(page)}`);
      const text = await mainText(page);
      assert(text.includes('The next person can start now'), `page says "${text.slice(0, 200)}"`);
    });
    await run.visited(page, J, 'next person');
    const blank = async (where) => {
      const typed = await page.locator('main textarea').inputValue();
      assert(typed === '', `${where}: the textarea holds "${typed}"`);
      assert(!(await page.getByLabel('I agree').isChecked()), `${where}: consent still ticked`);
      assert(!(await page.content()).includes(secret), `${where}: the last answer is in the page`);
    };
    await step(`[${run.mode}] 13 the next form is empty`, () => blank('next form'));
    await step(`[${run.mode}] 13 Back shows nothing of the last answers`, async () => {
      await page.goBack({ waitUntil: 'load' });
      await blank('after Back');
    });
  } finally {
    await page.context().close();
  }
}

// ---- main --------------------------------------------------------------

// 13. The words members read: "you said, we did" and its poster (the PDF
// read back with pdftotext), the group's published charter, an issue, a
// rotating seat (earlier turns, swaps, and the swap form naming turns by
// date or meeting) and a published vote's turnout (read by the funder, a
// non-staff reader like members).  Read-only, so both runs take it.
const CAPITAL_AFTER_BECAUSE = /because (?!I\b)[A-Z][a-z]/;

// 16. Evidence of involvement: a funder reads the organisation's dashboard
// and its report; a coordinator enters a population with a mistake, reads
// the error, then the gaps; a member fills in their own monitoring.
async function evidence(run, password, admin, adminPassword) {
  const J = '16-evidence';
  const page = await run.page();
  try {
    await step(`[${run.mode}] 16 viewer opens Evidence from the menu and reads eight criteria with verdicts`, async () => {
      await signInHome(page, 'viewer', password);
      await navigates(page, () => page.getByRole('link', { name: 'Evidence', exact: true }).first().click());
      assert(pathOf(page) === '/evidence', `menu went to ${pathOf(page)}`);
      const text = (await mainText(page)).replace(/\s+/g, ' ');
      assert(text.includes('8. Diversity and equality monitored'), 'not eight criteria');
      assert(/Met|Watch|Not met|Too few to judge/.test(text), 'no verdict');
      assert(!text.includes('See the records'), 'a funder was offered the records');
    });
    await run.visited(page, J, 'organisation dashboard');
    await check(`[${run.mode}] 16 the organisation's report reads back (pdftotext)`, async () => {
      const href = await page.getByRole('link', { name: /report for this period \(PDF\)/ }).getAttribute('href');
      const resp = await page.request.get(href);
      assert(resp.status() === 200, `status ${resp.status()}`);
      const file = path.join(tmp, `evidence-${run.mode}.pdf`);
      fs.writeFileSync(file, await resp.body());
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      assert(text.includes('Involvement report'), 'no title');
      assert(text.includes('You said, we did'), 'no highlights page');
    });
    await signOut(page);
    await step(`[${run.mode}] 16 coordinator.fenwick enters a population line that is not one, and reads why`, async () => {
      await signInHome(page, 'coordinator.fenwick', password);
      await page.goto('/sites/1/evidence');
      await navigates(page, () => page.getByRole('link', { name: 'Enter the population of the site' }).click());
      await page.fill('#counts', 'age, 51 to 60, 12');
      await submit(page);
      const msgs = await summaryMessages(page);
      assert(msgs.some((m) => /Line 1: 51 to 60 is not one of the answers for age/.test(m)), `summary: ${msgs.join(' / ')}`);
    });
    await run.visited(page, J, 'population error');
    await step(`[${run.mode}] 16 a corrected count shows the gap in words on the site's dashboard`, async () => {
      await page.fill('#counts', 'age, 50 to 64, 30\nage, 25 to 34, 70');
      await submit(page);
      assert(pathOf(page) === '/sites/1/evidence', `went to ${pathOf(page)}`);
      const text = (await mainText(page)).replace(/\s+/g, ' ');
      assert(text.includes('Evidence of involvement'), 'no dashboard');
    });
    await run.visited(page, J, 'site dashboard');
    await step(`[${run.mode}] 16 coordinator.fenwick uploads the population as a CSV file saved from a spreadsheet`, async () => {
      await page.goto('/sites/1/population');
      const file = path.join(tmp, `population-${run.mode}.csv`);
      fs.writeFileSync(file, '\ufeffwhat,answer,number\r\nage,50 to 64,31\r\nage,25 to 34,69\r\n');
      await page.setInputFiles('#file', file);
      await submit(page);
      assert(pathOf(page) === '/sites/1/evidence', `went to ${pathOf(page)}`);
    });
    await run.visited(page, J, 'population uploaded');
    await signOut(page);
    await step(`[${run.mode}] 16 ${admin} lets sites and groups set their own targets`, async () => {
      await signInHome(page, admin, adminPassword);
      await page.goto('/evidence/targets');
      await page.getByLabel('Sites and groups may set their own targets').check();
      await submit(page);
      assert(pathOf(page) === '/evidence', `went to ${pathOf(page)}`);
    });
    await run.visited(page, J, 'organisation targets');
    await signOut(page);
    await step(`[${run.mode}] 16 coordinator.fenwick sets the site's own target and reads it on the dashboard`, async () => {
      await signInHome(page, 'coordinator.fenwick', password);
      await page.goto('/sites/1/evidence');
      await navigates(page, () => page.getByRole('link', { name: "Set the site's own targets" }).click());
      await page.fill('#procedures', '65');
      await submit(page);
      assert(pathOf(page) === '/sites/1/evidence', `went to ${pathOf(page)}`);
      const text = (await mainText(page)).replace(/\s+/g, ' ');
      assert(text.includes("65%, the site's own"), 'the site\'s own target is not shown');
    });
    await run.visited(page, J, 'site targets');
    await signOut(page);
    await step(`[${run.mode}] 16 member.forum fills in their own equality monitoring`, async () => {
      await signInHome(page, 'member.forum', password);
      await page.goto('/account/equality');
      await selectByLabel(page, '#age', /65 or over/);
      await selectByLabel(page, '#religion', /Prefer not to say/);
      await submit(page);
      assert(/Your answers are saved/.test(await mainText(page)), 'no saved notice');
    });
    await run.visited(page, J, 'own monitoring');
    await step(`[${run.mode}] 16 member.forum reads the group's evidence, numbers suppressed`, async () => {
      await page.goto('/groups/1/evidence');
      const text = (await mainText(page)).replace(/\s+/g, ' ');
      assert(text.includes('fewer than 5'), 'no suppressed count');
    });
    await run.visited(page, J, 'group dashboard');
  } finally {
    await page.context().close();
  }
}

async function memberWording(run, password) {
  const J = '13-wording';
  const page = await run.page();
  try {
    await step(`[${run.mode}] 13 member.forum reads /groups/1/you-said-we-did as sentences`, async () => {
      await signInHome(page, 'member.forum', password);
      await page.goto('/groups/1/you-said-we-did');
      const text = (await mainText(page)).replace(/\s+/g, ' ');
      assert(!CAPITAL_AFTER_BECAUSE.test(text), `a capital after "because": ${text.match(CAPITAL_AFTER_BECAUSE)}`);
      assert(text.includes('because the staircase is a listed structure'), 'the refusal reason is not there');
      assert(!/We did: (Done|Accepted)\. We did:/.test(text), '"We did:" twice');
      assert(text.includes('Accepted in part. The C wing round can move now.'), 'the accepted reason is missing');
      assert(/Sent \d{1,2} [A-Z][a-z]+ \d{4}/.test(text), 'no "Sent" date in words');
    });
    await run.visited(page, J, 'you said we did');
    await check(`[${run.mode}] 13 the poster reads the same (pdftotext)`, async () => {
      const resp = await page.request.get('/groups/1/you-said-we-did.pdf');
      assert(resp.status() === 200, `status ${resp.status()}`);
      const file = path.join(tmp, `poster-${run.mode}.pdf`);
      fs.writeFileSync(file, await resp.body());
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      assert(text.includes('You said, we did: Over-50s Forum'), 'no title');
      // The poster keeps the outcomes that fit on one sheet and says how
      // many more there are; the refusal's reason is read there when it
      // fits (the page above always has it).
      assert(text.includes('because the staircase is a listed structure') ||
        /\d+ more: ask your rep/.test(text), 'reason missing or capitalised, and no "more" line');
      assert(/because [a-z]/.test(text) || /\d+ more: ask your rep/.test(text), 'no reason after "because"');
      assert(!CAPITAL_AFTER_BECAUSE.test(text), `a capital after "because": ${text.match(CAPITAL_AFTER_BECAUSE)}`);
      assert(!/We did: (Done|Accepted)\. We did:/.test(text), '"We did:" twice');
    });
    await step(`[${run.mode}] 13 the group's charter is published at /groups/1/documents`, async () => {
      await page.goto('/groups/1');
      await navigates(page, () => page.getByRole('link', { name: /Charter, terms of reference/ }).click());
      assert(pathOf(page) === '/groups/1/documents', `link went to ${pathOf(page)}`);
      await run.visited(page, J, 'documents');
      await navigates(page, () => page.getByRole('link', { name: 'Over-50s Forum charter' }).click());
      assert(/^\/documents\/\d+$/.test(pathOf(page)), `link went to ${pathOf(page)}`);
      const text = await mainText(page);
      assert(text.includes('Charter, published'), 'kind and date missing');
      assert((await page.locator('main strong', { hasText: 'every month' }).count()) === 1, 'Markdown not drawn');
    });
    await run.visited(page, J, 'charter');
    await check(`[${run.mode}] 13 an issue's evidence reads without gaps`, async () => {
      await page.goto('/issues/1');
      const text = (await mainText(page)).replace(/\s+/g, ' ');
      assert(!text.includes('( in the last'), 'an empty trend count');
      assert(!/seen\s+to\b/.test(text), 'an empty first-seen date');
    });
    await run.visited(page, J, 'issue');
    await step(`[${run.mode}] 13 a rotating seat shows earlier turns and swaps, dates in words`, async () => {
      await page.goto('/groups/1/seats');
      await navigates(page, () => page.getByRole('link', { name: "Governor's one-to-one" }).click());
      assert(/^\/seats\/\d+$/.test(pathOf(page)), `link went to ${pathOf(page)}`);
      const text = (await mainText(page)).replace(/\s+/g, ' ');
      assert(text.includes('Earlier turns'), 'no earlier turns');
      assert(text.includes('Swaps'), 'no swaps');
      assert(!/\d{4}-\d{2}-\d{2}/.test(text), `an ISO date: ${text.match(/\d{4}-\d{2}-\d{2}/)}`);
    });
    await run.visited(page, J, 'seat');
    await step(`[${run.mode}] 13 a swap names its turn by date or meeting, not a number`, async () => {
      await navigates(page, () => page.getByRole('link', { name: 'Swap a turn' }).click());
      assert((await page.locator('input[name=turn]').count()) === 0, 'the turn is typed');
      const turns = await page.locator('select[name=turn] option').allTextContents();
      const named = turns.filter((t) => /^Turn \d+, (from \d{1,2} [A-Z][a-z]+ \d{4}|board meeting of \d{1,2} [A-Z][a-z]+ \d{4}|a later board meeting): \S/.test(t.trim()));
      assert(named.length > 0, `turns read: ${turns.slice(0, 3).join(' | ')}`);
    });
    await run.visited(page, J, 'swap form');
    await signOut(page);
    await step(`[${run.mode}] 13 a published event vote gives its turnout`, async () => {
      await signInHome(page, 'viewer', password);
      await page.goto('/surveys');
      await navigates(page, () => page.getByRole('link', { name: 'Next phase of the charter' }).click());
      const text = (await mainText(page)).replace(/\s+/g, ' ');
      // Votes counted at an event may outnumber the group's members: then
      // the turnout names no members and gives no share of them.
      const turnout = text.match(/Turnout: (\d+|fewer than 5) votes?( from the (\d+|fewer than 5) members[^.]*)?\./);
      assert(turnout, `turnout reads: ${text.match(/Turnout:[^.]*/)}`);
      if (turnout[2] && /^\d+$/.test(turnout[1]) && /^\d+$/.test(turnout[3]))
        assert(Number(turnout[1]) <= Number(turnout[3]), `turnout reads: ${turnout[0]}`);
      if (!turnout[2])
        assert(!/%/.test(turnout[0]), `turnout reads: ${turnout[0]}`);
    });
    await run.visited(page, J, 'event vote');
  } finally {
    await page.context().close();
  }
}

// Journey 14: a person's plan (issue 17).  The JS run works with Eric
// (HMP Fenwick) and his peer supporter, and Eric signs it off; the no-JS
// run works with Sam (Westvale) and his care coordinator, so the two runs
// never change the same plan at once.
async function personalPlan(run, password) {
  const J = '14-plan';
  const who = run.js
    ? { worker: 'rep.fenwick', person: 5, responder: 'governor.fenwick', responderName: /Governor/, need: 'medication' }
    : { worker: 'coordinator.westvale', person: 18, responder: 'chief.westvale', responderName: /Head of Westvale/, need: 'gp' };
  const card = `Cooking for my family (${run.mode})`;
  const wish = `Phone calls after work (${run.mode})`;
  const page = await run.page();
  try {
    await step(`[${run.mode}] 14 ${who.worker} reads the plan and adds to the blue life`, async () => {
      await signInHome(page, who.worker, password);
      await page.goto(`/people/${who.person}/plan`);
      assert((await mainText(page)).includes('Your reading has been recorded'), 'no word that reading is recorded');
      await run.visited(page, J, 'plan as worker');
      await navigates(page, () => page.getByRole('link', { name: 'Add to the blue or orange life' }).click());
      await run.visited(page, J, 'card form');
      await selectByLabel(page, '#life', /^Blue life/);
      await selectByLabel(page, '#area', /^Family/);
      await page.fill('#text', card);
      await submit(page);
      assert(pathOf(page) === `/people/${who.person}/plan`, `landed on ${pathOf(page)}`);
      assert((await mainText(page)).includes(card), 'the card is not on the plan');
    });
    await step(`[${run.mode}] 14 a wish goes to its responder with a deadline`, async () => {
      await navigates(page, () => page.getByRole('link', { name: 'Record a wish or preference' }).click());
      await submit(page);
      const errors = await summaryMessages(page);
      assert(errors.length >= 2, `expected errors for the empty form, got ${errors}`);
      await run.visited(page, J, 'wish form errors');
      await selectByLabel(page, '#about', /^My daily life/);
      await page.fill('#text', wish);
      await selectByLabel(page, '#responder_id', who.responderName);
      await submit(page);
      assert((await mainText(page)).includes(wish), 'the wish is not on the plan');
      await signOut(page);
    });
    await step(`[${run.mode}] 14 ${who.responder} answers it with reasons`, async () => {
      await signInHome(page, who.responder, password);
      await page.goto('/wishes/awaiting');
      await run.visited(page, J, 'awaiting');
      const item = page.locator('main li', { hasText: wish });
      await navigates(page, () => item.getByRole('link', { name: /^Answer/ }).click());
      await selectByLabel(page, '#kind', /^Agreed in part/);
      await submit(page);
      assert((await summaryMessages(page)).some((m) => m.includes('Enter the reasons')), 'no error for the missing reasons');
      await run.visited(page, J, 'answer errors');
      await page.fill('#reason', 'Calls until 9pm; later ones wake the wing');
      await submit(page);
      assert(pathOf(page) === '/wishes/awaiting', `landed on ${pathOf(page)}`);
      await signOut(page);
    });
    await step(`[${run.mode}] 14 a referral follows the service's checklist`, async () => {
      await signInHome(page, who.worker, password);
      await page.goto(`/people/${who.person}/referrals/new`);
      await run.visited(page, J, 'referral needs');
      const text = await mainText(page);
      assert(text.includes('GP registration'), 'needs not listed');
      if (who.need === 'gp') {
        assert(text.includes('No service in the directory meets this need'), 'the gap is not shown');
        await page.goto(`/people/${who.person}/referrals/new?need=medication&service=4`);
      } else {
        await navigates(page, () => page.getByRole('link', { name: /Westvale Community Mental Health Team for Medication/ }).click());
      }
      await run.visited(page, J, 'referral checklist');
      await submit(page);
      assert((await summaryMessages(page)).some((m) => m.includes('Tick each step')), 'no error for unticked steps');
      for (const box of await page.locator('main input[type="checkbox"]').all()) await box.check();
      await submit(page);
      assert(pathOf(page) === `/people/${who.person}/plan`, `landed on ${pathOf(page)}`);
      assert((await mainText(page)).includes('Medication on release: Westvale Community Mental Health Team'), 'referral not on the plan');
      await signOut(page);
    });
    await step(`[${run.mode}] 14 Eric reads his plan${run.js ? ' and says it is right' : ''}`, async () => {
      await signInHome(page, 'member.forum', password);
      await navigates(page, () => page.getByRole('link', { name: 'Your plan', exact: true }).click());
      assert(pathOf(page) === '/account/plan', `landed on ${pathOf(page)}`);
      const text = await mainText(page);
      assert(text.includes('A flat of my own near my daughter'), 'his words are missing');
      assert(!text.includes('Your reading has been recorded'), 'his own reading is called recorded');
      await run.visited(page, J, 'own plan');
      if (run.js) {
        assert(text.includes(wish) && text.includes('Agreed in part'), 'the answer is missing');
        await navigates(page, () => page.getByRole('button', { name: 'Yes, this is right' }).click());
        assert((await mainText(page)).includes('said this plan is right'), 'sign-off not shown');
      }
    });
    await check(`[${run.mode}] 14 the large-print plan (pdftotext)`, async () => {
      const resp = await page.request.get('/account/plan.pdf?large=1');
      assert(resp.status() === 200, `status ${resp.status()}`);
      const file = path.join(tmp, `plan-${run.mode}.pdf`);
      fs.writeFileSync(file, await resp.body());
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      assert(text.includes('My blue life') && text.includes('A flat of my own near my daughter'), 'plan text missing');
      assert(text.includes('Is this right?'), 'no sign-off box');
    });
  } finally {
    await page.context().close();
  }
}

// 14. A member's pages, the first-time user's view: home says what
// matters now with four big buttons at most; every page has no axe
// violation of any impact (not only serious ones); at 320 px wide nothing
// scrolls sideways (WCAG 1.4.10); large text carries into the pages.
// JS run only: the width is measured by script in the page.
const MEMBER_PAGES = ['/', '/proposals', '/groups/1', '/groups/1/you-said-we-did', '/groups/1/meetings',
  '/directory', '/expenses', '/account', '/account/text-size'];

async function memberHome(run, password) {
  const J = '14-member-home';
  const page = await run.page();
  try {
    await step(`[${run.mode}] 14 member.forum's home says what matters now`, async () => {
      await signInHome(page, 'member.forum', password);
      const text = await mainText(page);
      assert(text.includes('What matters now'), 'no "What matters now"');
      const buttons = await page.locator('main .rt-home-action').count();
      assert(buttons >= 1 && buttons <= 4, `${buttons} big buttons`);
      const nav = await page.locator('.govuk-header__navigation-item').count();
      assert(nav <= 6, `${nav} navigation items`);
    });
    for (const large of [false, true]) {
      if (large) {
        await step(`[${run.mode}] 14 member.forum chooses large text`, async () => {
          await page.goto('/account/text-size');
          await page.getByLabel('Text size').selectOption('large');
          await submit(page);
          assert(await page.locator('html.rt-text-large').count() === 1, 'no rt-text-large on the page');
        });
      }
      for (const where of MEMBER_PAGES) {
        const what = `${where}${large ? ' large' : ''}`;
        await page.setViewportSize({ width: 1024, height: 768 });
        await page.goto(where);
        await check(`[${run.mode}] 14 axe, every impact: ${what}`, async () => {
          const res = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
          const all = res.violations.map((v) => `${v.id} (${v.impact}) at ${v.nodes.map((nd) => nd.target.join(' ')).join(', ')}`);
          for (const a of all) log(`  [${run.mode}] axe violation: ${a}`);
          assert(all.length === 0, `${all.length} violations: ${all.map((a) => a.split(' ')[0]).join(', ')}`);
        });
        await page.setViewportSize({ width: 320, height: 640 });
        await check(`[${run.mode}] 14 320 px, no sideways scroll: ${what}`, async () => {
          const w = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
          assert(w[0] <= w[1], `content ${w[0]} px wide in ${w[1]} px`);
        });
        if (!large) await run.visited(page, J, where);
      }
    }
    await step(`[${run.mode}] 14 member.forum goes back to standard text`, async () => {
      await page.setViewportSize({ width: 1024, height: 768 });
      await page.goto('/account/text-size');
      await page.getByLabel('Text size').selectOption('standard');
      await submit(page);
    });
  } finally {
    await page.context().close();
  }
}

// 17. Easy read and Welsh: a member reads "you said, we did", a proposal's
// outcome, an election (open, and counted), the ballot, their plan, a
// meeting and their account in easy read, in English and in Welsh;
// someone at the kiosk answers a survey in both.  Every page: lang set, pictures named, no axe violation of any
// impact, nothing sideways at 320 px.  Chosen with ?read= and ?lang= (kept
// in this browser's cookies), not on the account, so the other run's
// journeys as member.forum read as before.  JS run only (axe, widths).
// The pages with an easy-read twin (templates/easy/), and one without
// (drawn as usual, in large text) that must still pass.
const EASY_PAGES = ['/groups/1/you-said-we-did', '/proposals/1', '/elections/2', '/elections/1',
  '/elections/2/vote', '/account/plan', '/meetings/1', '/account'];
const NO_EASY_TWIN = ['/account'];

async function easyAndWelsh(run, password) {
  const J = '17-easy-read';
  const page = await run.page();
  const easyPage = async (where, lang) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(`${where}${where.includes('?') ? '&' : '?'}read=easy&lang=${lang}`);
    const what = `${where} (${lang})`;
    await check(`[${run.mode}] 17 easy read, lang and pictures: ${what}`, async () => {
      const html = page.locator('html');
      assert(await html.getAttribute('lang') === lang, `lang="${await html.getAttribute('lang')}"`);
      assert((await html.getAttribute('class')).includes('rt-easy-read'), 'no rt-easy-read');
      // Pictures stand beside the words of their key point: decorative,
      // never read into a label or legend.
      const pictures = await page.locator('main svg.rt-picture[aria-hidden="true"]').count();
      assert(pictures >= 1 || NO_EASY_TWIN.includes(where), 'no picture');
      const named = await page.locator('main svg.rt-picture[aria-label]').count();
      assert(named === 0, `${named} pictures named for a screen reader`);
    });
    await check(`[${run.mode}] 17 axe, every impact: ${what}`, async () => {
      const res = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      const all = res.violations.map((v) => `${v.id} (${v.impact}) at ${v.nodes.map((nd) => nd.target.join(' ')).join(', ')}`);
      for (const a of all) log(`  [${run.mode}] axe violation: ${a}`);
      assert(all.length === 0, `${all.length} violations: ${all.map((a) => a.split(' ')[0]).join(', ')}`);
    });
    await page.setViewportSize({ width: 320, height: 640 });
    await check(`[${run.mode}] 17 320 px, no sideways scroll: ${what}`, async () => {
      const w = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      assert(w[0] <= w[1], `content ${w[0]} px wide in ${w[1]} px`);
    });
    await run.visited(page, J, what);
  };
  let kiosk;
  try {
    await step(`[${run.mode}] 17 member.forum signs in`, () => signInHome(page, 'member.forum', password));
    for (const lang of ['en', 'cy']) {
      for (const where of EASY_PAGES) await easyPage(where, lang);
    }
    await step(`[${run.mode}] 17 the answer is said in Welsh`, async () => {
      await page.goto('/groups/1/you-said-we-did?read=easy&lang=cy');
      const text = await mainText(page);
      assert(text.includes("Na yw'r ateb."), `page says "${text.slice(0, 300)}"`);
    });
    await step(`[${run.mode}] 17 coordinator.westvale finds the kiosk link`, async () => {
      await page.goto('/?lang=en&read=standard');
      await signOut(page);
      await page.goto('/sign-in?read=standard&lang=en');
      await signInHome(page, 'coordinator.westvale', password);
      await page.goto('/surveys');
      await navigates(page, () => page.getByRole('link', { name: 'What should reception be like?' }).click());
      const token = await page.locator('form[action="/kiosk"] input[name="t"]').getAttribute('value');
      assert(token, 'no kiosk token on the survey page');
      kiosk = `/kiosk?t=${encodeURIComponent(token)}`;
      await signOut(page);
    });
    await easyPage(kiosk, 'cy');
    await step(`[${run.mode}] 17 someone answers at the kiosk in Welsh and easy read`, async () => {
      await page.setViewportSize({ width: 1024, height: 768 });
      await page.locator('main textarea').fill('Croeso cynnes a rhywun i siarad ag ef');
      await page.getByLabel('Rwy\'n cytuno').check();
      await navigates(page, () => page.getByRole('button', { name: 'Anfon fy atebion' }).click());
      const text = await mainText(page);
      // The thanks in the answerer's Welsh, marked so; the page itself
      // back in the kiosk's own language for the next person.
      assert(text.includes('Gall y person nesaf ddechrau nawr.'), `page says "${text.slice(0, 200)}"`);
      assert(await page.locator('.govuk-notification-banner[lang="cy"]').count() === 1, 'thanks not marked Welsh');
      assert(await page.locator('html').getAttribute('lang') === 'en', 'the next person starts in Welsh');
    });
  } finally {
    await page.context().close();
  }
}

// 18. Every page each role reaches from its home page by links, at 320 px
// wide: nothing scrolls sideways (WCAG 1.4.10).  A page is one of a kind
// by its path with numbers taken out and its query dropped ("/groups/N"),
// so filters and pages of a list are one kind; each kind is visited once,
// at most NARROW_KINDS_MAX for a role.  JS run only: the width is
// measured by script in the page.
const NARROW_KINDS_MAX = 400;
const NARROW_SKIP = /sign-out|[?&](lang|read)=|\.(pdf|csv|xlsx|rtx|png|jpe?g)(\?|$)|^\/static\/|\/download|\/files?\//;

async function narrowCrawl(run, password, admin, adminPassword) {
  const J = '18-narrow';
  const roles = [['member.forum', password], ['rep.fenwick', password], ['supporter.fenwick', password],
    ['governor.fenwick', password], ['evaluator', password], ['viewer', password],
    ['coordinator.fenwick', password], [admin, adminPassword]];
  for (const [who, pw] of roles) {
    const page = await run.page();
    try {
      await check(`[${run.mode}] 18 ${who}: every kind of page at 320 px, nothing sideways`, async () => {
        await signInHome(page, who, pw);
        await page.setViewportSize({ width: 320, height: 640 });
        // The measure bites: a box wider than the page is seen.
        const bites = await page.evaluate(() => {
          const d = document.createElement('div');
          d.style.width = '600px';
          d.style.height = '1px';
          document.body.appendChild(d);
          const seen = document.documentElement.scrollWidth > document.documentElement.clientWidth;
          d.remove();
          return seen;
        });
        assert(bites, 'a 600 px box was not seen');
        const kinds = new Set(['/']);
        const queue = ['/'];
        const wide = [];
        let visited = 0;
        while (queue.length > 0 && visited < NARROW_KINDS_MAX) {
          const url = queue.shift();
          let resp;
          try {
            resp = await page.goto(url);
          } catch (e) {
            // A link to a file (a paper, a receipt): not a page.
            if (/Download is starting/.test(e.message)) continue;
            throw e;
          }
          if (!resp || !(resp.headers()['content-type'] || '').startsWith('text/html')) continue;
          visited++;
          const w = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
          if (w[0] > w[1]) wide.push(`${url} (${w[0]} px in ${w[1]})`);
          const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')));
          for (const h of hrefs) {
            if (!h || !h.startsWith('/') || h.startsWith('//') || NARROW_SKIP.test(h)) continue;
            const u = h.split('#')[0];
            const kind = u.split('?')[0].replace(/\d+/g, 'N');
            if (!kinds.has(kind)) {
              kinds.add(kind);
              queue.push(u);
            }
          }
        }
        log(`  [${run.mode}] 18 ${who}: ${visited} kinds of page at 320 px`);
        assert(visited >= 5, `only ${visited} pages reached`);
        assert(wide.length === 0, `sideways scroll on ${wide.length}: ${wide.slice(0, 8).join(', ')}`);
      });
    } finally {
      await page.context().close();
    }
  }
}

// 15: the exchange without a command line. Harbour Women's Centre has a
// station (a second server, paired and given its first bundle by the
// command line before the run); its coordinator adds a topic at the hub,
// downloads a bundle there, signs in at the station, uploads it, and finds
// the topic there. Both runs, with JavaScript and without.
async function exchangeCarry(run, password, stationBase) {
  const J = '15-exchange';
  const page = await run.page();
  const at = new Run(stationBase, run.js);
  const spage = await at.page();
  const topic = `Carried by hand ${run.mode}`;
  const file = path.join(tmp, `carried-${run.mode}.rtx`);
  try {
    await step(`[${run.mode}] 15 coordinator.harbour adds a topic at the hub`, async () => {
      await signInHome(page, 'coordinator.harbour', password);
      await page.goto('/sites/2/topics');
      await page.fill('#name', topic);
      await navigates(page, () => page.getByRole('button', { name: 'Add topic' }).click());
      assert((await mainText(page)).includes(topic), 'the topic is not listed at the hub');
    });
    await step(`[${run.mode}] 15 the hub's exchange page offers the station's bundle`, async () => {
      await page.goto('/exchange');
      assert(/Harbour laptop/.test(await mainText(page)), 'no Harbour laptop on /exchange');
    });
    await run.visited(page, J, 'exchange at the hub');
    await step(`[${run.mode}] 15 the bundle downloads`, async () => {
      const [dl] = await Promise.all([page.waitForEvent('download'),
        page.getByRole('button', { name: /Download a bundle/ }).click()]);
      await dl.saveAs(file);
      assert(/\.rtx$/.test(dl.suggestedFilename()), `named ${dl.suggestedFilename()}`);
      assert(fs.statSync(file).size > 100, 'the bundle is empty');
    });
    await step(`[${run.mode}] 15 at the station, the bundle uploads and imports`, async () => {
      await signInHome(spage, 'coordinator.harbour', password);
      await spage.goto('/exchange');
      await spage.setInputFiles('#bundle', file);
      await navigates(spage, () => spage.getByRole('button', { name: 'Import the bundle' }).click());
      assert(/Bundle imported/.test(await mainText(spage)), `no confirmation: ${(await mainText(spage)).slice(0, 200)}`);
    });
    await at.visited(spage, J, 'exchange at the station, imported');
    await step(`[${run.mode}] 15 the topic is at the station`, async () => {
      await spage.goto('/sites/2/topics');
      assert((await mainText(spage)).includes(topic), 'the topic did not arrive');
    });
    await step(`[${run.mode}] 15 the same bundle again is refused, saying why`, async () => {
      await spage.goto('/exchange');
      await spage.setInputFiles('#bundle', file);
      await navigates(spage, () => spage.getByRole('button', { name: 'Import the bundle' }).click());
      assert(/imported before/.test(await mainText(spage)), 'no refusal');
    });
    await at.visited(spage, J, 'a bundle imported twice');
  } finally {
    await spage.context().close();
    await at.close();
    await page.context().close();
  }
}

async function main() {
  assert(fs.existsSync(BIN), `${BIN} is missing: run make build/roundtable`);
  assert(fs.existsSync(CHROMIUM), `${CHROMIUM} is missing: run sh tools/deps.sh browser`);
  if (!fs.existsSync(path.join(ROOT, 'static/roundtable.css'))) {
    execFileSync('bash', ['tools/build-assets.sh'], { cwd: ROOT, stdio: 'inherit' });
  }
  fs.mkdirSync(OUT, { recursive: true });
  for (const f of fs.readdirSync(OUT)) if (f.endsWith('.png')) fs.rmSync(path.join(OUT, f));

  sweepStale();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), `rt-browser-${process.pid}-`));
  const db = path.join(tmp, 'r.db');
  const init = cli('init', '--db', db);
  const oneTime = init.match(/one-time password (\S+)/)?.[1];
  assert(oneTime, `no one-time password in: ${init}`);
  const demo = cli('demo', '--db', db);
  const demoPassword = demo.match(/\(password (\S+?)\)/)?.[1];
  assert(demoPassword, `no demo password in: ${demo}`);
  // Journey 15's station for Harbour Women's Centre (site 2, which no
  // other journey writes to: the hub now refuses its logs).
  const sdb = path.join(tmp, 's.db');
  fs.writeFileSync(path.join(tmp, 'hub.pub'), cli('exchange', 'key', '--db', db));
  fs.writeFileSync(path.join(tmp, 'station.pub'), cli('exchange', 'key', '--db', sdb));
  cli('exchange', 'pair', '--db', db, '--origin', '3', '--sites', '2', '--key', path.join(tmp, 'station.pub'),
    '--name', 'Harbour laptop');
  cli('exchange', 'join', '--db', sdb, '--origin', '3', '--sites', '2', '--key', path.join(tmp, 'hub.pub'));
  cli('init', '--db', sdb);
  cli('exchange', 'export', '--db', db, '--origin', '3', '--to', path.join(tmp, 'first.rtx'));
  cli('exchange', 'import', '--db', sdb, '--from', path.join(tmp, 'first.rtx'));
  // The one-time password works once, so the no-JS run has its own new admin.
  const add = cli('user', 'add', 'admin.nojs', '--role', 'admin', '--name', 'Second admin', '--db', db);
  const oneTime2 = add.match(/One-time password for admin\.nojs: (\S+)/)?.[1];
  assert(oneTime2, `no one-time password in: ${add}`);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  server = spawn(BIN, ['serve', '--db', db, '--listen', `127.0.0.1:${port}`], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout.on('data', (d) => { serverLog += d; });
  server.stderr.on('data', (d) => { serverLog += d; });
  server.once('exit', (code, signal) => {
    if (stopping || interrupted) return;
    console.log(`FAIL server kept running — it exited (code ${code}, signal ${signal}); log: ${serverLog.trim().slice(-800)}`);
    failed++;
  });
  await waitHealthy(base, 10_000);
  record(true, `server ready at ${base}`);
  const sport = await freePort();
  const stationBase = `http://127.0.0.1:${sport}`;
  let stationLog = '';
  station = spawn(BIN, ['serve', '--db', sdb, '--listen', `127.0.0.1:${sport}`], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  station.stdout.on('data', (d) => { stationLog += d; });
  station.stderr.on('data', (d) => { stationLog += d; });
  for (let i = 0; i < 500; i++) {
    const ok = await fetch(`${stationBase}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  record(true, `station ready at ${stationBase}`);

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    // Our own signal handlers close the browser, stop the server and tidy up.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });

  const runs = [
    { run: new Run(base, true), admin: 'admin', oneTime },
    { run: new Run(base, false), admin: 'admin.nojs', oneTime: oneTime2 },
  ];
  await Promise.all(runs.map(({ run, admin, oneTime: otp }) => {
    const buf = [];
    pending.add(buf);
    return runLog.run(buf, async () => {
      const pw = `new ${run.mode} password 2024`;
      const convo = {}; // journey 6 leaves its log here for journey 7
      const journeys = [
        () => adminFirstSignIn(run, admin, otp, pw),
        () => newcomer(run, admin, pw),
        () => validation(run, admin, pw),
        ...(run.js ? [() => keyboardOnly(run, demoPassword)] : []),
        () => access(run, admin, pw, demoPassword),
        () => logConversation(run, demoPassword, convo),
        () => closeFollowUp(run, demoPassword, convo),
        () => proposalLoop(run, demoPassword),
        // The no-JS run is the shorter: the ballot goes there.
        ...(run.js ? [] : [() => electionVote(run, demoPassword)]),
        ...(run.js ? [() => minutesAutosave(run, demoPassword)] : []),
        () => procurementPanel(run, demoPassword),
        ...(run.js ? [] : [() => membership(run, demoPassword)]),
        () => surveyKiosk(run, demoPassword),
        () => memberWording(run, demoPassword),
        () => evidence(run, demoPassword, admin, pw),
        () => personalPlan(run, demoPassword),
        () => peerSupport(run, demoPassword),
        ...(run.js ? [() => memberHome(run, demoPassword)] : []),
        ...(run.js ? [() => easyAndWelsh(run, demoPassword)] : []),
        ...(run.js ? [() => narrowCrawl(run, demoPassword, admin, pw)] : []),
        () => exchangeCarry(run, demoPassword, stationBase),
      ];
      // RT_JOURNEYS=memberHome,peerSupport runs only those (while
      // developing); the names are the journeys' functions.
      const only = process.env.RT_JOURNEYS?.split(',');
      const chosen = only ? journeys.filter((j) => only.some((n) => j.toString().includes(`${n}(`))) : journeys;
      for (const j of chosen) {
        try {
          await j();
        } catch (e) {
          if (!(e instanceof StepFailed)) record(false, `[${run.mode}] journey crashed`, oneLine(e));
        }
      }
      await run.close();
      flush(buf);
      pending.delete(buf);
    });
  }));

  if (server.exitCode !== null) record(false, 'server still running at the end', `exited ${server.exitCode}`);
  if (/AddressSanitizer|runtime error|segfault/i.test(serverLog)) {
    record(false, 'server log is clean', serverLog.slice(-500));
  }
  if (/AddressSanitizer|runtime error|segfault/i.test(stationLog)) {
    record(false, 'station log is clean', stationLog.slice(-500));
  }
}

const guard = hangGuard({
  idleMs: HANG_MS,
  onHang: async ({ detail }) => {
    for (const buf of pending) flush(buf);
    record(false, 'run did not hang', detail);
    interrupted = true;
    await cleanup();
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(1);
  },
});

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, async () => {
    if (interrupted) return;
    for (const buf of pending) flush(buf);
    record(false, 'run finished', `interrupted by ${sig}`);
    interrupted = true;
    await cleanup();
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(1);
  });
}

const started = Date.now();
try {
  await main();
} catch (e) {
  record(false, 'setup', oneLine(e));
  if (serverLog) console.log(`  server log: ${serverLog.trim().slice(-1000)}`);
} finally {
  await cleanup();
  guard.stop();
}
// After a signal or the hang guard, their handler prints the counts and exits.
if (!interrupted) {
  console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${path.relative(ROOT, OUT)}/)`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
