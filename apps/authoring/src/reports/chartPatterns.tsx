/*
 * Each series has a colour and a pattern, so two series differ by more than colour (WCAG 1.4.1),
 * and every colour has at least 4.5:1 against white, so bars and their outlines stand out (1.4.11).
 * More series than patterns repeat them; each bar is labelled in words anyway.
 */
const COLOURS = ['#1f4e79', '#a0430a', '#2e6b30', '#6a2c91', '#7a5c00', '#37474f', '#9c1c4a', '#00606b'];

export const seriesColour = (index: number): string => COLOURS[index % COLOURS.length]!;

export const patternId = (prefix: string, index: number): string =>
  `${prefix}-pattern-${index % COLOURS.length}`;

/** The marks drawn on a white tile, one shape per series. */
function Marks({ index, colour }: { index: number; colour: string }) {
  const line = { stroke: colour, strokeWidth: 2.5 };
  switch (index % COLOURS.length) {
    case 0:
      return <rect width="8" height="8" fill={colour} />;
    case 1:
      return <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" {...line} />;
    case 2:
      return (
        <>
          <circle cx="2" cy="2" r="1.8" fill={colour} />
          <circle cx="6" cy="6" r="1.8" fill={colour} />
        </>
      );
    case 3:
      return <path d="M0,4 h8 M4,0 v8" {...line} />;
    case 4:
      return <path d="M0,2 h8 M0,6 h8" {...line} strokeWidth={1.8} />;
    case 5:
      return <path d="M2,0 v8 M6,0 v8" {...line} strokeWidth={1.8} />;
    case 6:
      return (
        <>
          <rect width="4" height="4" fill={colour} />
          <rect x="4" y="4" width="4" height="4" fill={colour} />
        </>
      );
    default:
      return <path d="M-2,6 l4,4 M0,0 l8,8 M6,-2 l4,4" {...line} />;
  }
}

/** <pattern> definitions for `count` series, to be placed in an SVG's <defs>. */
export function SeriesPatterns({ prefix, count }: { prefix: string; count: number }) {
  return (
    <>
      {Array.from({ length: Math.min(count, COLOURS.length) }, (_, index) => (
        <pattern key={index} id={patternId(prefix, index)} width="8" height="8" patternUnits="userSpaceOnUse">
          <rect width="8" height="8" fill="#fff" />
          <Marks index={index} colour={seriesColour(index)} />
        </pattern>
      ))}
    </>
  );
}

/** A small sample of a series' look, for the legend. */
export function SeriesSwatch({ prefix, index }: { prefix: string; index: number }) {
  return (
    <svg
      className="report-swatch"
      width="24"
      height="16"
      viewBox="0 0 24 16"
      aria-hidden="true"
      focusable="false"
    >
      <rect
        x="1"
        y="1"
        width="22"
        height="14"
        fill={`url(#${patternId(prefix, index)})`}
        stroke={seriesColour(index)}
        strokeWidth="2"
      />
    </svg>
  );
}
