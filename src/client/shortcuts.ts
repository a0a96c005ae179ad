/**
 * Keyboard shortcuts on every page: `/` or Ctrl-K (⌘K) jumps to the header's search box, unless the reader is
 * already typing somewhere.
 */
export function attachSearchShortcut(input: HTMLInputElement): void {
  document.addEventListener("keydown", (e) => {
    const target = e.target as HTMLElement;
    const typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
    const slash = e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey;
    const ctrlK = e.key.toLowerCase() === "k" && (e.ctrlKey || e.metaKey) && !e.altKey;
    if (!slash && !ctrlK) return;
    if (typing && !ctrlK) return;
    e.preventDefault();
    input.focus();
    input.select();
  });
}
