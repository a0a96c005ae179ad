/**
 * A cold parse of many notes on every core: the texts are split between worker threads running parse-note.ts, and
 * the parsed notes come back in order, as JSON (what the parse cache stores). Only worth it for hundreds of files;
 * the caller decides.
 */
import { Worker } from "node:worker_threads";
import type { ParseNoteOptions } from "./parse-note.ts";

const WORKER = new URL("./parse-worker.ts", import.meta.url);

export async function parseInWorkers(texts: readonly string[], workers: number, onProgress?: (done: number) => void, options: ParseNoteOptions = {}): Promise<string[]> {
  const out: string[] = new Array(texts.length);
  const CHUNK = 200;
  let next = 0;
  let done = 0;
  const run = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(WORKER);
      const send = () => {
        if (next >= texts.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        const start = next;
        next = Math.min(texts.length, next + CHUNK);
        worker.postMessage({ start, texts: texts.slice(start, next), options });
      };
      worker.on("message", (msg: { start: number; parsed: string[] }) => {
        msg.parsed.forEach((p, i) => (out[msg.start + i] = p));
        done += msg.parsed.length;
        onProgress?.(done);
        send();
      });
      worker.on("error", reject);
      send();
    });
  await Promise.all(Array.from({ length: Math.max(1, workers) }, run));
  return out;
}
