/**
 * A cold parse of many notes on every core: the texts are split between worker threads running parse-note.ts, and
 * the parsed notes come back in order, as JSON (what the parse cache stores). Only worth it for hundreds of files;
 * the caller decides.
 *
 * A worker spends a few hundred milliseconds loading the parser before its first note, so a loader that expects a
 * cold parse starts the pool first (`new ParsePool`) and reads its files meanwhile; `parse` then finds the workers
 * ready. A pool that turns out not to be needed is closed unused.
 */
import { Worker } from "node:worker_threads";
import type { ParseNoteOptions } from "./parse-note.ts";

const WORKER = new URL("./parse-worker.ts", import.meta.url);
const CHUNK = 200;

export class ParsePool {
  readonly #workers: Worker[];

  constructor(workers: number) {
    this.#workers = Array.from({ length: Math.max(1, workers) }, () => new Worker(WORKER));
  }

  /**
   * Parses the texts, a chunk at a time on each worker; `onParsed` sees each chunk's results as they arrive (so the
   * caller's work on them overlaps the parse), `onProgress` the count done. Resolves with every note's JSON, in order.
   */
  async parse(texts: readonly string[], options: ParseNoteOptions = {}, onProgress?: (done: number) => void, onParsed?: (start: number, json: string[]) => void): Promise<string[]> {
    const out: string[] = new Array(texts.length);
    let next = 0;
    let done = 0;
    const run = (worker: Worker) =>
      new Promise<void>((resolve, reject) => {
        const send = () => {
          if (next >= texts.length) {
            worker.off("message", receive).off("error", reject);
            return resolve();
          }
          const start = next;
          next = Math.min(texts.length, next + CHUNK);
          worker.postMessage({ start, texts: texts.slice(start, next), options });
        };
        const receive = (msg: { start: number; parsed: string[] }) => {
          msg.parsed.forEach((p, i) => (out[msg.start + i] = p));
          done += msg.parsed.length;
          onParsed?.(msg.start, msg.parsed);
          onProgress?.(done);
          send();
        };
        worker.on("message", receive).on("error", reject);
        send();
      });
    await Promise.all(this.#workers.map(run));
    return out;
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }
}

/** Parses the texts on a pool of `workers` threads made for this call alone. */
export async function parseInWorkers(texts: readonly string[], workers: number, onProgress?: (done: number) => void, options: ParseNoteOptions = {}): Promise<string[]> {
  const pool = new ParsePool(workers);
  try {
    return await pool.parse(texts, options, onProgress);
  } finally {
    await pool.close();
  }
}
