import { createCanvas, GlobalFonts, type Canvas, type SKRSContext2D } from "@napi-rs/canvas";

/** A font with Vietnamese glyphs: DejaVu Sans where the system has it (Debian does), else the default. */
export const CHART_FONT = GlobalFonts.families.some((f) => f.family === "DejaVu Sans") ? "DejaVu Sans" : "sans-serif";

/** A white picture with its title line and, when given, a second line under it (period, set, date, source). */
export function titledCanvas(width: number, height: number, title: string, subtitle?: string): { canvas: Canvas; ctx: SKRSContext2D } {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = "#212121";
  ctx.font = `bold 22px "${CHART_FONT}"`;
  ctx.fillText(title, 20, 38);
  if (subtitle) {
    ctx.font = `15px "${CHART_FONT}"`;
    ctx.fillStyle = "#424242";
    ctx.fillText(subtitle, 20, 64);
  }
  return { canvas, ctx };
}
