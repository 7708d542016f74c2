/**
 * Starts a fan-out bench server as a child process pinned to one core (`taskset`), with the
 * open-files limit raised to the hard limit, and speaks its control channel (bench/fanout-control.ts):
 * lines to its stdin, JSON answers from its stdout.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

export type Answer = Record<string, unknown>;

/** `sh -c` raises `ulimit -n`, then `exec`s taskset, which `exec`s the command on that core. */
export function pinned(core: number, command: string[]) {
  const shell = 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$@"';
  return spawn('sh', ['-c', shell, 'sh', 'taskset', '-c', String(core), ...command], {
    stdio: ['pipe', 'pipe', 'inherit'],
    cwd: new URL('..', import.meta.url).pathname, // where `--import tsx` resolves
  });
}

export class ServerProcess {
  readonly child: ChildProcess;
  exited = false;
  private readonly waiting = new Map<string, ((answer: Answer) => void)[]>();

  constructor(script: string, core: number, onError: (text: string) => void) {
    const node = [process.execPath, '--expose-gc', '--import', 'tsx', script];
    this.child = pinned(core, node);
    this.child.on('exit', () => (this.exited = true));
    this.child.stdin!.on('error', () => undefined); // EPIPE when it died; `exited` tells

    createInterface({ input: this.child.stdout! }).on('line', (line) => {
      let answer: Answer;
      try {
        answer = JSON.parse(line) as Answer;
      } catch {
        return; // not ours
      }
      if (answer.error) onError(`server error: ${JSON.stringify(answer.error)}`);
      this.waiting.get(Object.keys(answer)[0]!)?.shift()?.(answer);
    });
  }

  /** The next answer carrying `key` (e.g. `ready`, `fired`, `mem`, `load`). */
  next(key: string, ms = 60_000): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "${key}" from the server`)), ms);
      const list = this.waiting.get(key) ?? [];
      this.waiting.set(key, list);
      list.push((answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
    });
  }

  command(line: string): void {
    this.child.stdin!.write(line + '\n');
  }

  async memory(): Promise<NodeJS.MemoryUsage> {
    const reply = this.next('mem');
    this.command('mem');
    return (await reply).mem as NodeJS.MemoryUsage;
  }

  /** Asks the server to close (it closes its sockets first), then makes sure it is gone. */
  async quit(ms = 10_000): Promise<void> {
    if (this.exited) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.command('quit');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, ms))]);
    this.kill('SIGKILL');
  }

  /** SIGTERM lets the server close (on PostgreSQL: drop its schema) on its own. */
  kill(signal: NodeJS.Signals = 'SIGTERM'): void {
    if (!this.exited) this.child.kill(signal);
  }
}

/**
 * CPU time (ns, cumulative) of every task on the machine outside the `ours` processes, by task,
 * from /proc/<pid>/task/<tid>/schedstat. With server and client pinned to the two cores,
 * whatever else runs during a round can take time from them. `ourNames`: process names that
 * count as ours too (`postgres` when the app runs on it).
 */
export function foreignCpu(ours: number[], ourNames: string[] = []): Map<string, number> {
  const tasks = new Map<string, number>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid) || ours.includes(Number(pid))) continue;
    try {
      if (ourNames.length && ourNames.includes(readFileSync(`/proc/${pid}/comm`, 'utf8').trim())) {
        continue;
      }
      for (const task of readdirSync(`/proc/${pid}/task`)) {
        const stat = readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8');
        tasks.set(task, Number(stat.split(' ')[0]));
      }
    } catch {
      // gone meanwhile
    }
  }
  return tasks;
}

/** ms of CPU between two samples (tasks that ended in between are missed, new ones counted). */
export function cpuBetween(before: Map<string, number>, after: Map<string, number>): number {
  let ns = 0;
  for (const [task, used] of after) ns += used - (before.get(task) ?? 0);
  return ns / 1e6;
}

/** CPU time (ms, cumulative) the main thread of `pid` has run. */
export function mainThreadCpuMs(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return NaN;
  }
}
