import { createCanvas, GlobalFonts, type Canvas } from "@napi-rs/canvas";
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Title, type ChartConfiguration } from "chart.js";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Title, Legend);

export interface RankedUnit {
  readonly rank: number;
  readonly name: string;
  readonly total: number;
  readonly max: number;
  readonly className: string | null;
}

export interface RankedGroup {
  readonly title: string;
  readonly units: readonly RankedUnit[];
}

const WIDTH = 1100;
const BAR_PX = 24;
const HEADER_PX = 90;
/** Groups longer than this show their top and bottom units; the full list is in the spreadsheet. */
const SHOWN_TOP = 25;
const SHOWN_BOTTOM = 10;

/** A font with Vietnamese glyphs: DejaVu Sans where the system has it (Debian does), else the default. */
const FONT = GlobalFonts.families.some((f) => f.family === "DejaVu Sans") ? "DejaVu Sans" : "sans-serif";
Chart.defaults.font.family = FONT;

/** Class colours from best to worst, by the class's position in its ruleset's order of appearance. */
const PALETTE = ["#1b5e20", "#2e7d32", "#1565c0", "#00838f", "#ef6c00", "#c62828", "#6a1b9a"];

type Bar = { readonly label: string; readonly unit: RankedUnit | null };

function bars(units: readonly RankedUnit[], gapLabel: (n: number) => string): Bar[] {
  const bar = (u: RankedUnit): Bar => ({ label: `${u.rank}. ${u.name}`, unit: u });
  if (units.length <= SHOWN_TOP + SHOWN_BOTTOM + 1) return units.map(bar);
  const hidden = units.length - SHOWN_TOP - SHOWN_BOTTOM;
  return [...units.slice(0, SHOWN_TOP).map(bar), { label: gapLabel(hidden), unit: null }, ...units.slice(-SHOWN_BOTTOM).map(bar)];
}

/** A group's chart; `dispose` frees it (and clears its canvas), so copy the picture first. */
function groupCanvas(group: RankedGroup, classes: readonly string[], labels: ChartLabels): { canvas: Canvas; dispose: () => void } {
  const shown = bars(group.units, labels.gap);
  const canvas = createCanvas(WIDTH, HEADER_PX + shown.length * BAR_PX + 40);
  const colour = (u: RankedUnit | null) => (u?.className ? PALETTE[Math.min(classes.indexOf(u.className), PALETTE.length - 1)] ?? "#607d8b" : "#b0bec5");
  const config: ChartConfiguration<"bar"> = {
    type: "bar",
    data: {
      labels: shown.map((b) => b.label),
      datasets: [{ label: labels.points, data: shown.map((b) => b.unit?.total ?? 0), backgroundColor: shown.map((b) => colour(b.unit)) }],
    },
    options: {
      indexAxis: "y", responsive: false, animation: false,
      scales: { x: { min: 0, max: Math.max(...group.units.map((u) => u.max), 1) }, y: { ticks: { autoSkip: false, font: { size: 12 } } } },
      plugins: { title: { display: true, text: group.title, font: { size: 16, weight: "bold" } }, legend: { display: false } },
    },
  };
  // chart.js draws on any 2D context with the browser's API, which @napi-rs/canvas provides.
  const chart = new Chart(canvas.getContext("2d") as unknown as ConstructorParameters<typeof Chart>[0], config);
  return { canvas, dispose: () => chart.destroy() };
}

export interface ChartLabels {
  readonly points: string;
  /** The bar standing for units left out of a long group: "… 21 đơn vị khác". */
  readonly gap: (hidden: number) => string;
}

/**
 * The ranking of each group as one PNG, groups one under the other, bars
 * coloured by class, for the department's summary after publication.
 */
export function rankingChart(title: string, groups: readonly RankedGroup[], classes: readonly string[], labels: ChartLabels): Uint8Array {
  const parts = groups.map((g) => groupCanvas(g, classes, labels));
  const legendPx = 40;
  const height = 60 + legendPx + parts.reduce((h, p) => h + p.canvas.height, 0);
  const out = createCanvas(WIDTH, height);
  const ctx = out.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, WIDTH, height);
  ctx.fillStyle = "#212121";
  ctx.font = `bold 22px "${FONT}"`;
  ctx.fillText(title, 20, 38);
  let x = 20;
  ctx.font = `14px "${FONT}"`;
  classes.forEach((name, i) => {
    ctx.fillStyle = PALETTE[Math.min(i, PALETTE.length - 1)]!;
    ctx.fillRect(x, 62, 16, 16);
    ctx.fillStyle = "#212121";
    ctx.fillText(name, x + 22, 76);
    x += 30 + ctx.measureText(name).width;
  });
  let y = 60 + legendPx;
  for (const part of parts) {
    ctx.drawImage(part.canvas, 0, y);
    y += part.canvas.height;
    part.dispose();
  }
  return new Uint8Array(out.toBuffer("image/png"));
}
