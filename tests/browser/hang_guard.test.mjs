// The browser run's hang guard: slow is not a failure, stuck is.
// Run by `make browser-test` (node --test), with a fake clock, so no
// assertion here depends on how fast the machine is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hangGuard } from './hang_guard.mjs';

function fakeClock() {
  let t = 0;
  return { now: () => t, advance: (ms) => { t += ms; } };
}

test('a run that keeps making progress is never stopped, however long it takes', () => {
  const clock = fakeClock();
  const hangs = [];
  const g = hangGuard({ idleMs: 600_000, now: clock.now, onHang: (h) => hangs.push(h), timer: false });
  // Forty minutes of checks, one every 30 s: far past the old 300 s limit.
  for (let i = 0; i < 80; i++) {
    clock.advance(30_000);
    g.progress(`[js] check ${i}`);
    assert.equal(g.check(), false);
  }
  assert.deepEqual(hangs, []);
});

test('a run that stops making progress is reported with where it hung', () => {
  const clock = fakeClock();
  const hangs = [];
  const g = hangGuard({ idleMs: 600_000, now: clock.now, onHang: (h) => hangs.push(h), timer: false });
  g.progress('[js] signs in');
  g.progress('[no-js] logs a conversation');
  clock.advance(599_999);
  assert.equal(g.check(), false);
  clock.advance(1);
  assert.equal(g.check(), true);
  assert.equal(hangs.length, 1);
  assert.match(hangs[0].detail, /no check finished for 600 s/);
  assert.match(hangs[0].detail, /\[js\] last finished: signs in/);
  assert.match(hangs[0].detail, /\[no-js\] last finished: logs a conversation/);
  // Reported once, not again on every tick.
  clock.advance(60_000);
  assert.equal(g.check(), true);
  assert.equal(hangs.length, 1);
});
