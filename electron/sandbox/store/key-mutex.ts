/**
 * One operation at a time per key: a promise chain per key, so the read-modify-write cycles of
 * concurrent updates on one document run one after the other and none loses the other's write.
 * Operations on different keys run in parallel. A chain is dropped once it is idle.
 */
export class KeyMutex {
  private readonly tails = new Map<string, Promise<void>>();

  /** Runs `task` after every task queued before it for `key` has settled. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.then(
      () => undefined,
      () => undefined, // a failed task must not block the next one
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Resolves once no task is queued or running for any key. */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all(this.tails.values());
  }
}
