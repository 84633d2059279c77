/*
 * How series tell apart without colour (WCAG 1.4.1): each has its own line style (the caller
 * chooses) and its own marker shape, and the legend shows both. Every colour has at least 4.5:1
 * against white, beyond the 3:1 that graphics need (1.4.11).
 */
import type { Point } from './radarLayout';

export type RadarLineStyle = 'solid' | 'dashed' | 'dotted';

const COLOURS = ['#1f4e79', '#a0430a', '#2e6b30', '#6a2c91', '#7a5c00', '#37474f'];
const SHAPES = ['circle', 'square', 'triangle', 'diamond', 'cross'] as const;

export const seriesColour = (index: number): string => COLOURS[index % COLOURS.length]!;

export const dashArray = (style: RadarLineStyle): string | undefined =>
  style === 'dashed' ? '8 5' : style === 'dotted' ? '2 4' : undefined;

/** The marker of series `index`, centred on `at`. */
export function Marker({ index, at, colour }: { index: number; at: Point; colour: string }) {
  const { x, y } = at;
  const size = 4.5;
  const paint = { fill: colour, stroke: '#fff', strokeWidth: 1 };
  switch (SHAPES[index % SHAPES.length]) {
    case 'circle':
      return <circle cx={x} cy={y} r={size} {...paint} />;
    case 'square':
      return <rect x={x - size} y={y - size} width={size * 2} height={size * 2} {...paint} />;
    case 'triangle':
      return (
        <path
          d={`M${x},${y - size - 1} L${x + size + 1},${y + size} L${x - size - 1},${y + size} Z`}
          {...paint}
        />
      );
    case 'diamond':
      return (
        <path
          d={`M${x},${y - size - 1.5} L${x + size + 1.5},${y} L${x},${y + size + 1.5} L${x - size - 1.5},${y} Z`}
          {...paint}
        />
      );
    default:
      return (
        <path
          d={`M${x - size},${y - size} L${x + size},${y + size} M${x + size},${y - size} L${x - size},${y + size}`}
          className="arch-radar__cross"
          stroke={colour}
          strokeWidth={2.5}
        />
      );
  }
}

/** A short sample of a series' line and marker, for the legend. */
export function LegendSwatch({ index, style }: { index: number; style: RadarLineStyle }) {
  const colour = seriesColour(index);
  return (
    <svg
      className="arch-radar__swatch"
      width="40"
      height="16"
      viewBox="0 0 40 16"
      aria-hidden="true"
      focusable="false"
    >
      <line
        x1="1"
        y1="8"
        x2="39"
        y2="8"
        stroke={colour}
        strokeWidth="2.5"
        strokeDasharray={dashArray(style)}
      />
      <Marker index={index} at={{ x: 20, y: 8 }} colour={colour} />
    </svg>
  );
}
