/** A parse-pool.ts worker: parses the batches of note texts it is sent and sends the parsed notes back. */
import { parentPort } from "node:worker_threads";
import { parseNote } from "./parse-note.ts";

parentPort!.on("message", (msg: { start: number; texts: string[] }) => {
  parentPort!.postMessage({ start: msg.start, parsed: msg.texts.map(parseNote) });
});
