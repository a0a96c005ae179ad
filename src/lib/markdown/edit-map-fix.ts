/**
 * micromark closes a block quote (and moves the exits of containers a lazy line ends) through an `EditMap`, whose
 * `consume` copies every event of the document so far to apply edits made near its end. Once per quote, that is
 * quadratic: 5,000 short quotes (10,000 lines) took 2.8 s to parse, 10,000 took 14 s, and a hostile note of
 * 100,000 would take many minutes. This replaces `consume` with one that leaves the events before the first edit
 * where they are and rebuilds only the rest: the same events in the same order (tests/unit/edit-map.test.ts holds
 * it to the original on random edits), in time that grows with what follows the first edit.
 *
 * micromark-util-edit-map 1.0.0 (micromark 4): remove this when a release of it does the same.
 */
import { EditMap } from "micromark-util-edit-map";

type Edit = [at: number, remove: number, add: unknown[]];
interface EditMapState {
  map: Edit[];
  index?: Map<number, unknown>;
}

/** `EditMap.prototype.consume`, applying the edits without copying the events before the first of them. */
export function consumeFromFirstEdit(this: EditMapState, events: unknown[]): void {
  const map = this.map;
  map.sort((a, b) => a[0] - b[0]);
  if (map.length === 0) return;
  // Tails, from the last edit back: what follows each edit, then what it adds.
  const pieces: unknown[][] = [];
  for (let i = map.length - 1; i >= 0; i--) {
    pieces.push(events.slice(map[i][0] + map[i][1]), map[i][2]);
    events.length = map[i][0];
  }
  // `events` is now the untouched head; append the pieces in document order.
  for (let i = pieces.length - 1; i >= 0; i--) for (const e of pieces[i]) events.push(e);
  map.length = 0;
  this.index?.clear();
}

/** The original, for the test that holds the two to the same results. */
export const originalConsume = EditMap.prototype.consume;

EditMap.prototype.consume = consumeFromFirstEdit as typeof EditMap.prototype.consume;
