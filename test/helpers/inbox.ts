/** What a test sink received, and waiting until something matching arrives. */
export class Inbox<T> {
  readonly #received: T[] = [];
  readonly #listeners = new Set<() => void>();

  constructor(private readonly what: string) {}

  add(item: T): void {
    this.#received.push(item);
    for (const listener of [...this.#listeners]) listener();
  }

  all(): T[] {
    return [...this.#received];
  }

  waitFor(predicate: (item: T) => boolean, timeoutMs: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.#received.find(predicate);
        if (!found) return false;
        clearTimeout(timer);
        this.#listeners.delete(listener);
        resolve(found);
        return true;
      };
      const listener = (): void => void check();
      const timer = setTimeout(() => {
        this.#listeners.delete(listener);
        reject(new Error(`no matching ${this.what} within ${timeoutMs} ms`));
      }, timeoutMs);
      if (!check()) this.#listeners.add(listener);
    });
  }
}
