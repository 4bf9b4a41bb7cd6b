import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonText } from '../io/json.js';
import { writeFilesAtomically } from './files.js';
import { runInWorkers, type WorkerPool } from './pool.js';
import type { WorkerTask } from './worker.js';

/** A task with the name of the file its result is kept in. */
export interface NamedTask {
  file: string;
  task: WorkerTask;
}

/**
 * Runs tasks on a pool, keeping each result in `folder/file` as soon as it is
 * back (written atomically), and reading back the results already there
 * instead of running their tasks again: an interrupted batch resumes, losing
 * nothing that finished. Results are returned in task order whatever the
 * number of workers; each is the JSON read back, so fresh and resumed results
 * are identical. Without a folder, nothing is kept.
 */
export async function runKeptTasks<R>(tasks: readonly NamedTask[], options: { folder?: string; pool: WorkerPool; signal?: AbortSignal; onResumed?: (count: number) => void; onResult?: () => void }): Promise<R[]> {
  const results: R[] = new Array(tasks.length);
  const todo: number[] = [];
  tasks.forEach((t, k) => {
    const file = options.folder === undefined ? undefined : join(options.folder, t.file);
    if (file !== undefined && existsSync(file)) results[k] = JSON.parse(readFileSync(file, 'utf8')) as R;
    else todo.push(k);
  });
  options.onResumed?.(tasks.length - todo.length);
  await runInWorkers<R>(todo.map((k) => tasks[k].task), {
    pool: options.pool, signal: options.signal,
    onResult: (index, result) => {
      const text = jsonText(result);
      if (options.folder !== undefined) writeFilesAtomically(options.folder, [{ name: tasks[todo[index]].file, content: text }]);
      results[todo[index]] = JSON.parse(text) as R;
      options.onResult?.();
    },
  });
  return results;
}
