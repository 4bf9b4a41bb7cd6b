import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';
import type { WorkerTask } from './worker.js';

/** Every core, by default. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/** Thrown by runInWorkers when its signal aborts; the results of tasks already finished have been delivered. */
export class Interrupted extends Error {
  constructor(readonly finished: number, readonly of: number) {
    super(`interrupted after ${finished} of ${of} tasks`);
    this.name = 'Interrupted';
  }
}

/**
 * Worker threads (tinypool) for experiments. A pool passed to several
 * experiments starts its workers once; close it when done. An experiment that
 * makes its own pool closes it at its end.
 */
export class WorkerPool {
  readonly size: number;
  private readonly pool: Tinypool;

  constructor(workers = defaultWorkers()) {
    this.size = Math.max(1, workers);
    // From source (tsx, vitest) the worker is TypeScript and is loaded through tsx; built, it is plain JavaScript.
    const fromSource = import.meta.url.endsWith('.ts');
    this.pool = new Tinypool({
      filename: new URL(fromSource ? './worker-source.mjs' : './worker.js', import.meta.url).href,
      minThreads: this.size,
      maxThreads: this.size,
      isolateWorkers: false,
    });
  }

  run(task: WorkerTask): Promise<unknown> {
    return this.pool.run(task);
  }

  /** Drops queued tasks and stops the workers; the pool cannot be used after. */
  async close(): Promise<void> {
    this.pool.cancelPendingTasks();
    await this.pool.destroy();
  }
}

/**
 * Runs tasks on worker threads, calling `onResult` in this thread as each
 * finishes, in whatever order they finish. Results are keyed by task index,
 * so callers can assemble them in task order whatever the number of workers.
 * When `signal` aborts, queued tasks are dropped, running ones are stopped
 * (which closes the pool, even one passed in), and Interrupted is thrown.
 */
export async function runInWorkers<R>(tasks: readonly WorkerTask[], options: { workers?: number; pool?: WorkerPool; signal?: AbortSignal; onResult: (index: number, result: R) => void | Promise<void> }): Promise<void> {
  if (tasks.length === 0) return;
  const pool = options.pool ?? new WorkerPool(Math.min(options.workers ?? defaultWorkers(), tasks.length));
  let finished = 0;
  let delivering = Promise.resolve();
  let stop = () => {};
  const stopped = new Promise<never>((_, reject) => {
    stop = () => reject(new Interrupted(finished, tasks.length));
  });
  stopped.catch(() => {}); // observed through the race below; never left unhandled
  if (options.signal?.aborted) stop();
  options.signal?.addEventListener('abort', stop, { once: true });
  const all = Promise.all(tasks.map(async (task, index) => {
    const result = (await pool.run(task)) as R;
    // Deliver one at a time, so a caller writing files never interleaves two.
    delivering = delivering.then(async () => {
      if (options.signal?.aborted) return;
      await options.onResult(index, result);
      finished++;
    });
    await delivering;
  }));
  all.catch(() => {}); // after an interruption, the stopped tasks' rejections are expected
  try {
    await Promise.race([all, stopped]);
  } finally {
    options.signal?.removeEventListener('abort', stop);
    if (!options.pool || options.signal?.aborted) await pool.close();
  }
}
