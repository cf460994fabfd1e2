import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

const SVG = 'http://www.w3.org/2000/svg';

/** One period of a chart: its label, its value and its target (either may be missing). */
export interface ChartPoint {
  label: string;
  value: number | null;
  target: number | null;
}

/**
 * An indicator's series as an SVG line with its target, drawn on the server by Observable Plot
 * (a DOM from linkedom stands in for the browser's). The SVG is inlined in the page: no script,
 * no file to load; Plot's inline `<style>` is dropped (the CSP refuses inline styles) and its
 * rules live in the workspace's stylesheet. The chart is one image named by its title and
 * description; the page gives the same figures as a table.
 */
export function seriesChart(
  points: readonly ChartPoint[],
  text: { id: string; title: string; description: string },
): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const values = points.filter((p) => p.value !== null);
  const targets = points.filter((p) => p.target !== null);
  const svg = Plot.plot({
    // linkedom's document stands in for the browser's (this package's types know Node, not the DOM).
    document: document as never,
    width: 640,
    height: 260,
    marginLeft: 50,
    x: { domain: points.map((p) => p.label), label: null, tickRotate: points.length > 6 ? -30 : 0 },
    y: { grid: true, label: null, zero: true },
    marks: [
      Plot.lineY(values, {
        x: 'label',
        y: 'value',
        stroke: '#12355b',
        strokeWidth: 2,
        marker: 'circle',
      }),
      Plot.lineY(targets, { x: 'label', y: 'target', stroke: '#a3200f', strokeDasharray: '5,4' }),
    ],
  }) as unknown as ReturnType<typeof document.createElementNS>;
  svg.querySelector('style')?.remove();
  // The chart is one image: Plot's labels on its parts would be read as nothing (and axe flags
  // them); the title, the description and the table say it all.
  for (const part of svg.querySelectorAll('[aria-label], [aria-description]')) {
    part.removeAttribute('aria-label');
    part.removeAttribute('aria-description');
  }
  const title = document.createElementNS(SVG, 'title');
  title.setAttribute('id', `${text.id}-titre`);
  title.textContent = text.title;
  const description = document.createElementNS(SVG, 'desc');
  description.setAttribute('id', `${text.id}-desc`);
  description.textContent = text.description;
  svg.prepend(title, description);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', `${text.id}-titre ${text.id}-desc`);
  return svg.outerHTML;
}
