import { describe, expect, it } from 'vitest';
import { createSemaphore } from './semaphore';

describe('semaphore', () => {
  it('never runs more than its bound at once, runs everything in turn and survives failures', async () => {
    const sem = createSemaphore(2);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const tasks = Array.from({ length: 7 }, (_, i) =>
      sem.run(async () => {
        running++;
        peak = Math.max(peak, running);
        expect(sem.state().active).toBeLessThanOrEqual(2);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        order.push(i);
        if (i === 3) throw new Error('task 3 fails');
        return i;
      }),
    );
    expect(sem.state()).toEqual({ active: 2, waiting: 5, max: 2 });
    const results = await Promise.allSettled(tasks);
    expect(peak).toBe(2);
    expect(results.filter((r) => r.status === 'fulfilled').map((r) => r.value)).toEqual([0, 1, 2, 4, 5, 6]);
    expect(results[3]).toMatchObject({ status: 'rejected', reason: { message: 'task 3 fails' } });
    expect(order.sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(sem.state()).toEqual({ active: 0, waiting: 0, max: 2 });
  });
});
