/**
 * When to lint open documents for published (push) diagnostics.
 *
 * No fixed debounce: a document is linted as soon as the server has nothing
 * else to read, and one document at a time. Edits that arrive while a lint
 * runs only mark the document as due again, so typing never queues a
 * backlog: the next lint takes whatever version is newest then. Before each
 * lint and before each publication the scheduler lets the connection handle
 * every message already received, so requests (hover, completion, code
 * actions) are answered between lints and a result overtaken by a newer
 * edit is dropped instead of shown.
 */

/** Lints `uri` at its newest version and publishes, unless the result is stale by then. */
export type LintRun = (uri: string) => Promise<void>;

/**
 * Event-loop turns a message takes from the pipe to its handler in vscode-jsonrpc: the bytes are
 * read in one turn's poll phase; its reader hands each message on from a `setImmediate` (a
 * semaphore), and its queue calls the handler from another. A third turn sees what the handler did.
 */
const TURNS_TO_HANDLE_A_MESSAGE = 3;

/**
 * Resolves once the connection has handled the messages it had already
 * received when this was called (those that arrived during a lint, say):
 * that is, once `TURNS_TO_HANDLE_A_MESSAGE` turns pass without `activity()`
 * changing. A message that arrives later is left for later.
 */
export async function settle(activity: () => number): Promise<void> {
  for (;;) {
    const seen = activity();
    for (let turn = 0; turn < TURNS_TO_HANDLE_A_MESSAGE; turn++) await nextTurn();
    if (activity() === seen) return;
  }
}

export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export class LintScheduler {
  /** Documents due for a lint, oldest request first. */
  private readonly due = new Set<string>();
  private running = false;
  /** Bumped by every lint request and every message noted: tells `settle` that the connection is still delivering. */
  private messages = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly lintAndPublish: LintRun, private readonly onError: (error: unknown) => void) {}

  /** A request arrived: the next lint waits until the connection has handled everything already received. */
  noteMessage(): void {
    this.messages++;
  }

  /** `uri` changed (or opened, or was saved): lint its newest version soon. */
  request(uri: string): void {
    this.messages++;
    this.due.add(uri);
    void this.drain();
  }

  /** `uri` closed, or no longer wants published diagnostics. */
  cancel(uri: string): void {
    this.due.delete(uri);
  }

  /** Lets the connection handle what it has already received (before publishing a result, say). */
  settle(): Promise<void> {
    return settle(() => this.messages);
  }

  isDue(uri: string): boolean {
    return this.due.has(uri);
  }

  /** Resolves when nothing is due and no lint runs. */
  whenIdle(): Promise<void> {
    if (!this.running && this.due.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        await settle(() => this.messages);
        const next = this.due.values().next();
        if (next.done) break;
        this.due.delete(next.value);
        try {
          await this.lintAndPublish(next.value);
        } catch (error) {
          this.onError(error);
        }
      }
    } finally {
      this.running = false;
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }
}
