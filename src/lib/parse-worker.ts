/**
 * A parse-pool.ts worker: parses the batches of note texts it is sent and sends each parsed note back as JSON, the
 * form the parse cache stores, so that serializing runs here, in parallel, rather than on the main thread.
 */
import { parentPort } from "node:worker_threads";
import { parseNote, type ParseNoteOptions } from "./parse-note.ts";

parentPort!.on("message", (msg: { start: number; texts: string[]; options?: ParseNoteOptions }) => {
  parentPort!.postMessage({ start: msg.start, parsed: msg.texts.map((t) => JSON.stringify(parseNote(t, msg.options ?? {}))) });
});
