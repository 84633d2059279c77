import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user (the postgres OS user) — still alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const parentOf = (pid: number): number | undefined => {
  try {
    return Number(
      execFileSync('ps', ['-o', 'ppid=', '-p', String(pid)], { stdio: 'pipe' })
        .toString()
        .trim(),
    );
  } catch {
    return undefined;
  }
};

/**
 * When the process that owned an embedded server was killed outright (SIGKILL, out of memory), its
 * PostgreSQL lives on, orphaned, holding the data folder. Such an orphan (adopted by init, parent
 * pid 1) is stopped cleanly so that the next start works; a server whose owner is still running is
 * left alone and reported by the caller.
 */
export async function stopOrphanedServer(clusterDir: string): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 1 || !alive(pid) || parentOf(pid) !== 1) return;
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 10_000 && alive(pid); waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
