/**
 * CPU time of this process (the server under test), of the load client and of all PostgreSQL server processes, read
 * from /proc (Linux; zeros elsewhere). Where a bench's time goes on a machine whose cores the
 * app, the database and the client share: more database work per request shows up here, not
 * in the app's profile.
 */
import fs from 'node:fs';

export interface CpuTicks {
  server: number;
  database: number;
  client: number;
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** utime + stime of a process, in clock ticks (0 once it has ended). */
export function ticksOf(pid: string): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return 0;
  }
}

function postgresTicks(): number {
  let sum = 0;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') sum += ticksOf(pid);
    } catch {
      // the process ended meanwhile
    }
  }
  return sum;
}

export function cpuTicks(clientPid: number | undefined): CpuTicks {
  return {
    server: ticksOf(String(process.pid)),
    database: postgresTicks(),
    client: clientPid ? ticksOf(String(clientPid)) : 0,
  };
}

/** "server 1.10 + database 1.20 + client 0.07 ms CPU per request" between two readings. */
export function perRequest(before: CpuTicks, after: CpuTicks, requests: number): string {
  const ms = (k: keyof CpuTicks) => (((after[k] - before[k]) * TICK_MS) / requests).toFixed(2);
  return `server ${ms('server')} + database ${ms('database')} + client ${ms('client')} ms CPU per request`;
}
