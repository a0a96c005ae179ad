/**
 * sigma's label drawers. The hover and highlight label: its default paints a white box, which is unreadable in dark
 * mode; this one uses the page's own background and text colours. The plain label: drawn only where it overlaps no
 * label drawn before it in the same frame. Both place their text where `labelBox` says, which the graph view's
 * collision pass uses to pick labels that do not overlap.
 */
import type { Attributes } from "graphology-types";
import type { NodeHoverDrawingFunction, NodeLabelDrawingFunction } from "sigma/rendering";

export interface LabelSettings {
  labelSize: number;
  labelFont: string;
  labelWeight: string;
}

/**
 * Where a node's label is drawn, in viewport pixels, from the node's centre and drawn radius and the text's width:
 * a plain label's text (as sigma draws it, with a little room around), or a highlighted note's box (disc included).
 */
export function labelBox(x: number, y: number, radius: number, textWidth: number, labelSize: number, highlighted = false): { x: number; y: number; w: number; h: number } {
  if (highlighted) return { x: x - radius - 3, y: Math.min(y - radius - 3, y - labelSize / 2 - 4), w: radius + 5 + textWidth + 10 + radius, h: Math.max(2 * radius + 6, labelSize + 8) };
  return { x: x + radius + 2, y: y - labelSize / 2 - 2, w: textWidth + 3, h: labelSize + 4 };
}

/**
 * sigma's plain label, skipped when its box overlaps one of `drawn()` (the frame's labels so far), else added there;
 * with a halo of the page's background (`bg()`) so that it reads over edges and other notes.
 */
export function labelDrawer<N extends Attributes, E extends Attributes>(drawn: () => { x: number; y: number; w: number; h: number }[], bg: () => string): NodeLabelDrawingFunction<N, E> {
  return (ctx, d, settings) => {
    if (!d.label) return;
    const size = settings.labelSize;
    ctx.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
    const box = labelBox(d.x, d.y, d.size, ctx.measureText(d.label).width, size);
    const boxes = drawn();
    if (boxes.some((b) => box.x < b.x + b.w && b.x < box.x + box.w && box.y < b.y + b.h && b.y < box.y + box.h)) return;
    boxes.push(box);
    ctx.lineJoin = "round";
    ctx.lineWidth = 3;
    ctx.strokeStyle = bg();
    ctx.strokeText(d.label, d.x + d.size + 3, d.y + size / 3);
    ctx.fillStyle = settings.labelColor.color ?? "#000";
    ctx.fillText(d.label, d.x + d.size + 3, d.y + size / 3);
  };
}

export function hoverDrawer<N extends Attributes, E extends Attributes>(bg: string, fg: string): NodeHoverDrawingFunction<N, E> {
  return (ctx, d, settings) => {
    const size = settings.labelSize;
    ctx.font = `600 ${size}px ${settings.labelFont}`;
    const w = d.label ? ctx.measureText(d.label).width + 10 : 0;
    ctx.fillStyle = bg;
    ctx.shadowColor = "rgba(0,0,0,.35)";
    ctx.shadowBlur = 6;
    ctx.beginPath();
    ctx.arc(d.x, d.y, d.size + 3, 0, Math.PI * 2);
    if (w) ctx.rect(d.x + d.size + 2, d.y - size / 2 - 4, w, size + 8);
    ctx.fill();
    ctx.shadowBlur = 0;
    if (d.label) {
      ctx.fillStyle = fg;
      ctx.fillText(d.label, d.x + d.size + 7, d.y + size / 3);
    }
  };
}
