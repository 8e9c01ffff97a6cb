/** Process groups of children started with `detached: true` (their pid is the group id). */

/** Whether any process of group `pgid` is still there (a zombie counts: bound any wait on this). */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}
