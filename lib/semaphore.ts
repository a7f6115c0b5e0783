import 'server-only';

/** How many may run at once and how many wait, for figures and tests. */
export type SemaphoreState = { active: number; waiting: number; max: number };

export type Semaphore = {
  /** Runs `task` once fewer than `max` tasks run; waits its turn (first come, first served) otherwise. */
  run<T>(task: () => Promise<T>): Promise<T>;
  state(): SemaphoreState;
};

/** Bounds how many of some heavy task (image processing, …) run at once in this process. */
export function createSemaphore(max: number): Semaphore {
  let active = 0;
  const queue: (() => void)[] = [];
  const release = () => {
    active--;
    const next = queue.shift();
    if (next) {
      active++;
      next();
    }
  };
  return {
    async run(task) {
      if (active < max) active++;
      else await new Promise<void>((resolve) => queue.push(resolve));
      try {
        return await task();
      } finally {
        release();
      }
    },
    state: () => ({ active, waiting: queue.length, max }),
  };
}
