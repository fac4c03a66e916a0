// A hang guard for the browser run: it fails the run only when no check
// has finished for idleMs, and then says where each lane (the JS and
// no-JS runs) last got to.  A slow run that keeps making progress is
// never failed: a duration is not a behaviour (speed lives in bench/).
//
// hangGuard({ idleMs, onHang, now, timer }) returns { progress(name),
// check(), stop() }.  progress() is called for every finished check;
// its name's "[lane]" prefix, when present, says which run it belongs
// to.  onHang({ idleMs, detail }) is called once.  With timer: false no
// interval is set (tests drive check() with their own clock).
export function hangGuard({ idleMs, onHang, now = Date.now, timer = true, everyMs = 5_000 }) {
  let lastAt = now();
  let fired = false;
  const lanes = new Map();

  const guard = {
    progress(name) {
      lastAt = now();
      const m = /^\[([^\]]+)\]\s*(.*)$/.exec(name);
      lanes.set(m ? m[1] : 'run', m ? m[2] : name);
    },
    check() {
      if (fired) return true;
      const idle = now() - lastAt;
      if (idle < idleMs) return false;
      fired = true;
      const where = [...lanes].map(([lane, what]) => `[${lane}] last finished: ${what}`);
      onHang({
        idleMs: idle,
        detail: `no check finished for ${Math.round(idle / 1000)} s; ${where.length ? where.join('; ') : 'none had finished'}`,
      });
      return true;
    },
    stop() {
      if (interval) clearInterval(interval);
    },
  };
  const interval = timer ? setInterval(() => guard.check(), everyMs) : null;
  return guard;
}
