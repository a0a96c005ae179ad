/**
 * Small deterministic helpers shared by the layout and community stages: a seeded random number generator and a
 * string hash, so the same graph always gets the same communities and positions on every machine.
 */

/** mulberry32: a fast 32-bit seeded generator returning numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, 32 bits: a stable number for a string (not for security). */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Runs `run` with `Math.random` drawing from `seededRandom(seed)`, for a library that calls it and takes no generator
 * (noverlap moves two nodes on the very same spot apart at random). Synchronous: nothing else runs meanwhile.
 */
export function withSeededRandom<T>(seed: number, run: () => T): T {
  const random = Math.random;
  Math.random = seededRandom(seed);
  try {
    return run();
  } finally {
    Math.random = random;
  }
}
