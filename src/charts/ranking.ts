import { createCanvas, type Canvas } from "@napi-rs/canvas";
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Title, type ChartConfiguration, type Plugin } from "chart.js";
import { CHART_FONT, titledCanvas } from "./canvas.js";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Title, Legend);

/**
 * Each bar's value written at its end. Written here because chartjs-plugin-datalabels draws its labels out of
 * place on @napi-rs/canvas; this is the one thing needed of it.
 */
function barValues(text: (index: number) => string): Plugin<"bar"> {
  return {
    id: "barValues",
    afterDatasetsDraw(chart) {
      const ctx = chart.ctx;
      ctx.save();
      ctx.fillStyle = "#212121";
      ctx.font = `bold 12px "${FONT}"`;
      ctx.textBaseline = "middle";
      chart.getDatasetMeta(0).data.forEach((bar, i) => {
        const label = text(i);
        if (label) ctx.fillText(label, bar.x + 6, bar.y);
      });
      ctx.restore();
    },
  };
}

export interface RankedUnit {
  readonly rank: number;
  readonly name: string;
  readonly total: number;
  readonly max: number;
  readonly className: string | null;
  /** False for a unit that sent nothing: listed apart under its group, never as a bar of 0. */
  readonly submitted?: boolean;
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

const FONT = CHART_FONT;
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
/** What a group's panel shows: its bars (units that sent figures), each bar's value, and the units that sent nothing. */
export function groupLayout(group: RankedGroup, labels: ChartLabels): { bars: Bar[]; values: string[]; notes: string[] } {
  const ranked = group.units.filter((u) => u.submitted !== false);
  const absent = group.units.filter((u) => u.submitted === false).map((u) => u.name);
  const shown = bars(ranked, labels.gap);
  return {
    bars: shown,
    values: shown.map((b) => (b.unit ? labels.number(b.unit.total) : "")),
    notes: absent.length > 0 ? wrap(labels.notSubmitted(absent), 150) : [],
  };
}

/** One scale for every panel: the largest maximum of any unit shown. */
export const commonAxis = (groups: readonly RankedGroup[]): number => Math.max(1, ...groups.flatMap((g) => g.units.map((u) => u.max)));

const Y_AXIS_PX = 300;

function groupCanvas(
  group: RankedGroup, classes: readonly string[], labels: ChartLabels, axisMax: number,
): { canvas: Canvas; dispose: () => void } {
  const layout = groupLayout(group, labels);
  const shown = layout.bars;
  const absentLines = layout.notes;
  const chartHeight = HEADER_PX + shown.length * BAR_PX + 40;
  const drawn = createCanvas(WIDTH, chartHeight);
  const colour = (u: RankedUnit | null) => (u?.className ? PALETTE[Math.min(classes.indexOf(u.className), PALETTE.length - 1)] ?? "#607d8b" : "#b0bec5");
  const config: ChartConfiguration<"bar"> = {
    type: "bar",
    data: {
      labels: shown.map((b) => b.label),
      datasets: [{ label: labels.points, data: shown.map((b) => b.unit?.total ?? 0), backgroundColor: shown.map((b) => colour(b.unit)) }],
    },
    options: {
      indexAxis: "y", responsive: false, animation: false,
      // One axis for every group, so bars compare across panels.
      // The same width for every panel's names, so the panels' axes line up.
      scales: {
        x: { min: 0, max: axisMax },
        y: { ticks: { autoSkip: false, font: { size: 12 } }, afterFit: (scale) => void (scale.width = Y_AXIS_PX) },
      },
      layout: { padding: { right: 60 } },
      plugins: { title: { display: true, text: group.title, font: { size: 16, weight: "bold" } }, legend: { display: false } },
    },
    // Each bar carries its points, written as the reader writes numbers.
    plugins: [barValues((i) => layout.values[i] ?? "")],
  };
  // chart.js draws on any 2D context with the browser's API, which @napi-rs/canvas provides.
  const chart = new Chart(drawn.getContext("2d") as unknown as ConstructorParameters<typeof Chart>[0], config);
  // The group's chart, then the units that sent nothing in words under it.
  const canvas = createCanvas(WIDTH, chartHeight + absentLines.length * 20 + (absentLines.length > 0 ? 16 : 0));
  const context = canvas.getContext("2d");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, WIDTH, canvas.height);
  context.drawImage(drawn, 0, 0);
  context.fillStyle = "#424242";
  context.font = `italic 14px "${FONT}"`;
  absentLines.forEach((text, i) => context.fillText(text, 20, chartHeight + 16 + i * 20));
  return { canvas, dispose: () => chart.destroy() };
}

export interface ChartLabels {
  readonly points: string;
  /** The bar standing for units left out of a long group: "… 21 đơn vị khác". */
  readonly gap: (hidden: number) => string;
  /** The line under a group naming the units that sent nothing. */
  readonly notSubmitted: (names: readonly string[]) => string;
  /** A number as the reader writes it ("71,42"). */
  readonly number: (value: number) => string;
  /** A second title line: the period, the ruleset, the date of the figures and the source. */
  readonly subtitle?: string;
}

/** Break a long line at spaces so it fits the picture. */
function wrap(text: string, chars: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + word.length + 1 > chars) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

/**
 * The ranking of each group as one PNG, groups one under the other, bars
 * coloured by class, for the department's summary after publication.
 */
export function rankingChart(title: string, groups: readonly RankedGroup[], classes: readonly string[], labels: ChartLabels): Uint8Array {
  const axisMax = commonAxis(groups);
  const parts = groups.map((g) => groupCanvas(g, classes, labels, axisMax));
  const legendPx = 40;
  const subtitlePx = labels.subtitle ? 26 : 0;
  const height = 60 + subtitlePx + legendPx + parts.reduce((h, p) => h + p.canvas.height, 0);
  const { canvas: out, ctx } = titledCanvas(WIDTH, height, title, labels.subtitle);
  let x = 20;
  ctx.font = `14px "${FONT}"`;
  classes.forEach((name, i) => {
    ctx.fillStyle = PALETTE[Math.min(i, PALETTE.length - 1)]!;
    ctx.fillRect(x, 62 + subtitlePx, 16, 16);
    ctx.fillStyle = "#212121";
    ctx.fillText(name, x + 22, 76 + subtitlePx);
    x += 30 + ctx.measureText(name).width;
  });
  let y = 60 + subtitlePx + legendPx;
  for (const part of parts) {
    ctx.drawImage(part.canvas, 0, y);
    y += part.canvas.height;
    part.dispose();
  }
  return new Uint8Array(out.toBuffer("image/png"));
}
