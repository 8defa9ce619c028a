/**
 * Runs a job for a key (a course) once its changes settle. A save arrives as a burst of file events
 * (an editor writes, renames, touches), so each event restarts a short wait. Jobs of one key never
 * overlap: a change during a run makes one more run after it, with whatever is on disk by then.
 */
export interface SettledRunner<K> {
  /** A change for `key`: its job runs once no change has come for the wait. */
  changed: (key: K) => void;
}

/** `job` reports its own problems: it must not throw. */
export function settledRunner<K>(job: (key: K) => Promise<void>, waitMs: number): SettledRunner<K> {
  const timers = new Map<K, ReturnType<typeof setTimeout>>();
  const running = new Set<K>();
  const again = new Set<K>();

  const run = async (key: K): Promise<void> => {
    timers.delete(key);
    if (running.has(key)) {
      again.add(key);
      return;
    }
    running.add(key);
    try {
      await job(key);
    } finally {
      running.delete(key);
      if (again.delete(key)) void run(key);
    }
  };

  return {
    changed(key) {
      clearTimeout(timers.get(key));
      timers.set(
        key,
        setTimeout(() => void run(key), waitMs),
      );
    },
  };
}
