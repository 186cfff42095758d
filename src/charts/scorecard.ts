import { CHART_FONT, titledCanvas } from "./canvas.js";

/** One main index of a unit: its points against the maximum and the group's average. */
export interface ScorecardIndex {
  readonly label: string;
  readonly points: number;
  readonly max: number;
  readonly average: number;
}

export interface ScorecardLabels {
  readonly title: string;
  readonly subtitle: string;
  /** "Điểm của đơn vị", "Bình quân nhóm". */
  readonly unit: string;
  readonly average: string;
  readonly number: (value: number) => string;
  /** A maximum as the set prints it ("8", "2,5"). */
  readonly max: (value: number) => string;
}

const WIDTH = 1000;
const ROW = 46;
const LEFT = 330;
const BAR = WIDTH - LEFT - 120;

/**
 * A unit's scorecard: each main index as a bar of its points out of the
 * maximum (the bar's full length), the group's average marked on it, and the
 * points written at its end; a title with the total, class and rank.
 */
export function scorecard(indices: readonly ScorecardIndex[], labels: ScorecardLabels): Uint8Array {
  const height = 130 + indices.length * ROW + 50;
  const { canvas, ctx } = titledCanvas(WIDTH, height, labels.title, labels.subtitle);
  ctx.font = `15px "${CHART_FONT}"`;
  // Legend: the unit's bar, the group's average mark.
  ctx.fillStyle = "#1565c0";
  ctx.fillRect(20, 84, 16, 16);
  ctx.fillStyle = "#212121";
  ctx.fillText(labels.unit, 44, 98);
  const after = 60 + ctx.measureText(labels.unit).width;
  ctx.fillStyle = "#ef6c00";
  ctx.fillRect(after, 80, 4, 24);
  ctx.fillStyle = "#212121";
  ctx.fillText(labels.average, after + 12, 98);
  indices.forEach((index, i) => {
    const y = 130 + i * ROW;
    const share = index.max > 0 ? Math.min(1, index.points / index.max) : 0;
    const average = index.max > 0 ? Math.min(1, index.average / index.max) : 0;
    ctx.fillStyle = "#212121";
    ctx.font = `14px "${CHART_FONT}"`;
    ctx.fillText(index.label.length > 38 ? `${index.label.slice(0, 37)}…` : index.label, 20, y + 20);
    ctx.fillStyle = "#eceff1";
    ctx.fillRect(LEFT, y + 4, BAR, 24);
    ctx.fillStyle = "#1565c0";
    ctx.fillRect(LEFT, y + 4, BAR * share, 24);
    ctx.fillStyle = "#ef6c00";
    ctx.fillRect(LEFT + BAR * average - 2, y, 4, 32);
    ctx.fillStyle = "#212121";
    ctx.font = `bold 14px "${CHART_FONT}"`;
    ctx.fillText(`${labels.number(index.points)}/${labels.max(index.max)}`, LEFT + BAR + 10, y + 21);
  });
  return new Uint8Array(canvas.toBuffer("image/png"));
}
