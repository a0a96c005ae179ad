/**
 * sigma's hover and highlight label: its default paints a white box, which is unreadable in dark mode. This one
 * uses the page's own background and text colours.
 */
import type { Attributes } from "graphology-types";
import type { NodeHoverDrawingFunction } from "sigma/rendering";

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
