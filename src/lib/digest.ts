/**
 * The engine's digest of a text, for the keys its caches compare (which notes changed, which names, which search
 * documents): SHA-1 in base64url, 27 characters. A fingerprint, not a secret: what matters is that one text always
 * gives one digest and two texts practically never share one.
 */
import { createHash } from "node:crypto";

export const textDigest = (text: string): string => createHash("sha1").update(text).digest("base64url");
