import 'server-only';

/** Thrown when the gate's queue is full: the caller should answer "busy, try again shortly". */
export class HashingBusyError extends Error {
  constructor() {
    super('Too many sign-ins are being checked right now.');
    this.name = 'HashingBusyError';
  }
}

/**
 * A counting semaphore with a bounded queue: at most `limit` tasks run at once, at most
 * `maxWaiting` wait (first come, first served), and anyone beyond that is refused at once
 * rather than piling up memory and latency.
 */
export class ConcurrencyGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly limit: number,
    readonly maxWaiting: number,
  ) {}

  get stats() {
    return { running: this.running, waiting: this.waiting.length };
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) {
      if (this.waiting.length >= this.maxWaiting) throw new HashingBusyError();
      // The slot is handed over by the finishing task, so `running` stays counted.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
