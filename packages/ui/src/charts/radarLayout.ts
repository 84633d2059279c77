/*
 * The radar chart's geometry, apart from React so it can be tested on its own. Every length is in
 * CSS pixels: the chart is laid out at its box's width, so its words keep their reading size
 * instead of being scaled down with a viewBox on a phone.
 */

export interface Point {
  x: number;
  y: number;
}

export type LabelAnchor = 'start' | 'middle' | 'end';

export interface AxisLayout {
  /** Where the axis line ends (the scale's maximum). */
  end: Point;
  /** Where the first line of the label starts, and how it is aligned. */
  label: Point;
  anchor: LabelAnchor;
  lines: string[];
}

export interface RadarLayout {
  width: number;
  height: number;
  centre: Point;
  radius: number;
  axes: AxisLayout[];
  /** One polygon per grid level, as SVG `points`. */
  rings: { value: number; points: string; labelAt: Point }[];
}

export const LINE_HEIGHT = 16;
const CHARACTER_WIDTH = 7.2;
const LABEL_GAP = 8;
const MIN_WIDTH = 240;
const MAX_WIDTH = 560;

/** The angle of axis `index` of `count`: the first points up, the rest follow clockwise. */
const angleOf = (index: number, count: number): number => -Math.PI / 2 + (2 * Math.PI * index) / count;

/** The position of `value` on an axis; values outside the scale are drawn at its nearest end. */
export function pointOn(
  index: number,
  count: number,
  value: number,
  scale: { min: number; max: number; centre: Point; radius: number },
): Point {
  const span = scale.max - scale.min;
  const share = span > 0 ? Math.min(Math.max((value - scale.min) / span, 0), 1) : 0;
  const angle = angleOf(index, count);
  return {
    x: round(scale.centre.x + Math.cos(angle) * scale.radius * share),
    y: round(scale.centre.y + Math.sin(angle) * scale.radius * share),
  };
}

/** Splits a label at spaces into lines of at most `room` characters (a longer word keeps its line). */
export function wrapLabel(label: string, room: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > room) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Grid levels: every whole value of a short scale, else five even steps. */
export function gridLevels(min: number, max: number): number[] {
  if (!(max > min)) return [max];
  const span = max - min;
  if (Number.isInteger(min) && Number.isInteger(max) && span <= 10)
    return Array.from({ length: span }, (_, index) => min + index + 1);
  return Array.from({ length: 5 }, (_, index) => round(min + (span * (index + 1)) / 5));
}

/** Lays the chart out for a box `boxWidth` pixels wide. */
export function layoutRadar(labels: string[], min: number, max: number, boxWidth: number): RadarLayout {
  const width = Math.round(Math.min(Math.max(boxWidth, MIN_WIDTH), MAX_WIDTH));
  // Labels left and right of the circle need room for a few words; above and below, for lines.
  const sideRoom = Math.round(Math.min(Math.max(width * 0.24, 72), 130));
  const radius = Math.round(width / 2 - sideRoom);
  const room = Math.max(Math.floor((sideRoom - LABEL_GAP) / CHARACTER_WIDTH), 6);
  const count = labels.length;
  const wrapped = labels.map((label) => wrapLabel(label, room));
  const tallest = Math.max(1, ...wrapped.map((lines) => lines.length));
  const verticalRoom = tallest * LINE_HEIGHT + LABEL_GAP + 4;
  const centre = { x: width / 2, y: verticalRoom + radius };
  const height = Math.round(2 * (verticalRoom + radius));
  const scale = { min, max, centre, radius };

  const axes = wrapped.map((lines, index): AxisLayout => {
    const angle = angleOf(index, count);
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    const anchor: LabelAnchor = Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'start' : 'end';
    const reach = radius + LABEL_GAP;
    const x = centre.x + cos * reach;
    const edgeY = centre.y + sin * reach;
    // Above the circle the block ends at the edge; below, it starts there; at the sides it is centred.
    const blockHeight = lines.length * LINE_HEIGHT;
    const top = sin < -0.2 ? edgeY - blockHeight : sin > 0.2 ? edgeY : edgeY - blockHeight / 2;
    return {
      end: pointOn(index, count, max, scale),
      label: { x: round(x), y: round(top + LINE_HEIGHT * 0.8) },
      anchor,
      lines,
    };
  });

  const rings = gridLevels(min, max).map((value) => ({
    value,
    points: Array.from({ length: count }, (_, index) => {
      const point = pointOn(index, count, value, scale);
      return `${point.x},${point.y}`;
    }).join(' '),
    labelAt: tickPosition(count, value, scale),
  }));

  return { width, height, centre, radius, axes, rings };
}

/**
 * Where a grid level's number goes: halfway along the ring's first edge, between two axes, so it
 * neither sits on an axis line nor runs into the axis label at the top.
 */
function tickPosition(
  count: number,
  value: number,
  scale: { min: number; max: number; centre: Point; radius: number },
) {
  if (count < 3) return pointOn(0, Math.max(count, 1), value, scale);
  const from = pointOn(0, count, value, scale);
  const to = pointOn(1, count, value, scale);
  return { x: round((from.x + to.x) / 2), y: round((from.y + to.y) / 2) };
}

/**
 * The SVG path of one series: a closed shape when every axis has a value; otherwise only the
 * stretches between neighbouring axes that both have one, so a missing value is a visible gap
 * rather than a point drawn at the centre as if it were the minimum.
 */
export function seriesPath(points: (Point | null)[]): string {
  const count = points.length;
  if (count > 0 && points.every((point) => point !== null)) {
    const all = points as Point[];
    return `M${all.map((point) => `${point.x},${point.y}`).join(' L')} Z`;
  }
  const segments: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const from = points[index];
    const to = points[(index + 1) % count];
    if (count > 1 && from && to && (index + 1 < count || count > 2))
      segments.push(`M${from.x},${from.y} L${to.x},${to.y}`);
  }
  return segments.join(' ');
}

const round = (value: number): number => Math.round(value * 10) / 10;
