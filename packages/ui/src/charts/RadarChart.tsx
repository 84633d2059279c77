import { useEffect, useId, useState } from 'react';
import { layoutRadar, LINE_HEIGHT, pointOn, seriesPath } from './radarLayout';
import { dashArray, LegendSwatch, Marker, seriesColour, type RadarLineStyle } from './radarMarks';
import './radar-chart.css';

export type { RadarLineStyle } from './radarMarks';

export interface RadarAxis {
  key: string;
  label: string;
}

export interface RadarSeries {
  key: string;
  label: string;
  /** One value per axis, in the axes' order; null leaves a gap (nothing to draw there). */
  values: (number | null)[];
  style: RadarLineStyle;
}

export interface RadarChartProps {
  axes: RadarAxis[];
  series: RadarSeries[];
  /** The scale's ends: `min` is the centre, `max` the outer ring. */
  min: number;
  max: number;
  /** The figure's caption, also the start of the drawing's accessible name. */
  title: string;
  /** A sentence or two on what the chart shows, e.g. where its figures are in a table. */
  description: string;
  /** How the grid's numbers are written, e.g. with the reader's locale; whole numbers as they are by default. */
  formatValue?: (value: number) => string;
}

/**
 * A radar (spider) chart of a few series over the same axes, in plain SVG. Generic and without
 * words of its own: the caller passes every label, already translated. Screen readers hear the
 * caption and description (the drawing is one image); the figures belong in a table the page shows
 * with it. Series differ by line style and marker shape as well as colour, and the legend says which
 * is which.
 */
export function RadarChart({
  axes,
  series,
  min,
  max,
  title,
  description,
  formatValue = String,
}: RadarChartProps) {
  const id = useId();
  const titleId = `${id}-title`;
  const descriptionId = `${id}-description`;
  const [boxWidth, measureBox] = useBoxWidth(400);
  const layout = layoutRadar(
    axes.map((axis) => axis.label),
    min,
    max,
    boxWidth,
  );
  const scale = { min, max, centre: layout.centre, radius: layout.radius };

  return (
    <figure className="arch-radar">
      <figcaption id={titleId}>{title}</figcaption>
      <p id={descriptionId} className="arch-radar__description">
        {description}
      </p>
      {series.length > 0 ? (
        <ul className="arch-radar__legend">
          {series.map((entry, index) => (
            <li key={entry.key}>
              <LegendSwatch index={index} style={entry.style} /> {entry.label}
            </li>
          ))}
        </ul>
      ) : null}
      <div ref={measureBox}>
        <svg
          role="img"
          aria-labelledby={`${titleId} ${descriptionId}`}
          className="arch-radar__svg"
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
        >
          <g fill="none" stroke="#8c8c8c" strokeWidth="1">
            {layout.rings.map((ring) => (
              <polygon key={ring.value} points={ring.points} />
            ))}
            {layout.axes.map((axis, index) => (
              <line
                key={axes[index]!.key}
                x1={layout.centre.x}
                y1={layout.centre.y}
                x2={axis.end.x}
                y2={axis.end.y}
              />
            ))}
          </g>
          {layout.rings.map((ring) => (
            <text
              key={ring.value}
              x={ring.labelAt.x}
              y={ring.labelAt.y}
              textAnchor="middle"
              dominantBaseline="middle"
              className="arch-radar__tick"
            >
              {formatValue(ring.value)}
            </text>
          ))}
          {layout.axes.map((axis, index) => (
            <text
              key={axes[index]!.key}
              x={axis.label.x}
              y={axis.label.y}
              textAnchor={axis.anchor}
              className="arch-radar__label"
            >
              {axis.lines.map((line, lineIndex) => (
                <tspan key={lineIndex} x={axis.label.x} dy={lineIndex === 0 ? 0 : LINE_HEIGHT}>
                  {line}
                </tspan>
              ))}
            </text>
          ))}
          {series.map((entry, seriesIndex) => {
            const colour = seriesColour(seriesIndex);
            const points = axes.map((_, index) => {
              const value = entry.values[index];
              return typeof value === 'number' && Number.isFinite(value)
                ? pointOn(index, axes.length, value, scale)
                : null;
            });
            return (
              <g key={entry.key} data-series={entry.key}>
                <path
                  d={seriesPath(points)}
                  fill="none"
                  stroke={colour}
                  strokeWidth="2.5"
                  strokeDasharray={dashArray(entry.style)}
                  strokeLinejoin="round"
                />
                <g className="arch-radar__marker">
                  {points.map((point, index) =>
                    point ? (
                      <Marker key={axes[index]!.key} index={seriesIndex} at={point} colour={colour} />
                    ) : null,
                  )}
                </g>
              </g>
            );
          })}
        </svg>
      </div>
    </figure>
  );
}

/** The width of the chart's box, followed as it changes, so the drawing is laid out at that width. */
function useBoxWidth(initial: number): [number, (element: HTMLDivElement | null) => void] {
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(initial);
  useEffect(() => {
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [width, setElement];
}
