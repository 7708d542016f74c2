/**
 * PGlite lets a second process open the same data folder without complaint, and two writers
 * corrupt it. We hold a lock file with our PID; a second process fails at once with a clear
 * message. A lock left by a crashed process (its PID no longer runs) is taken over.
 */
import fs from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly pid: number,
  ) {
    super(
      `The data folder ${path.dirname(lockPath)} is in use by another running process (PID ${pid}). ` +
        'Stop that process, or set DATA_DIR to another folder, or use PostgreSQL (DATABASE_URL) to run several processes.',
    );
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface LockHandle {
  release(): void;
}

export function acquireLock(lockPath: string): LockHandle {
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          fs.rmSync(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(fs.readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid)) {
        throw new DataDirLockedError(lockPath, pid);
      }
      if (pid === process.pid) throw new DataDirLockedError(lockPath, pid);
      fs.rmSync(lockPath, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`Could not take the lock file ${lockPath}`);
}
