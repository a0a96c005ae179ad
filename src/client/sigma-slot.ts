/**
 * Only one sigma instance (one WebGL context set) alive at a time: claiming the slot kills whichever instance held
 * it. Browsers cap live WebGL contexts, and each holds GPU memory.
 */
interface Killable {
  kill(): void;
}

let current: Killable | null = null;

export function claimSigmaSlot(instance: Killable) {
  if (current && current !== instance) current.kill();
  current = instance;
}

/** True when this browser can give sigma a WebGL context. */
export function webglAvailable(): boolean {
  try {
    const canvas = document.createElement("canvas");
    const gl = canvas.getContext("webgl2") ?? canvas.getContext("webgl");
    gl?.getExtension("WEBGL_lose_context")?.loseContext(); // the probe must not hold a context
    return !!gl;
  } catch {
    return false;
  }
}
