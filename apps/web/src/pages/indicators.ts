import { unitLabels } from '@maille/domain';
import type { IndicatorBoard } from '@maille/domain/use-cases';
import { html, raw } from 'hono/html';
import type { seriesChart } from '../chart.ts';
import { fr } from '../messages.ts';
import { governancePath } from './governance.ts';
import { HOME_STEP, type Html, layout } from './layout.ts';

const numbers = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const figure = (value: number | null) => (value === null ? '—' : numbers.format(value));

/**
 * « Indicateurs »: each indicator of the governance as a chart of its latest periods with the
 * target line, and the same figures as a table (the chart is an image; the table is what a screen
 * reader and a spreadsheet read).
 */
export function indicatorsPage(
  board: IndicatorBoard,
  chart: typeof seriesChart,
  signedInAs: string,
): Html {
  const t = fr.indicators;
  const { governance } = board;
  const body =
    board.indicators.length === 0
      ? html`<p class="muted">${fr.governance.noIndicator}</p>`
      : html`${board.indicators.map(({ indicator, periods }) => {
          const id = `ind-${indicator.id}`;
          const unit = unitLabels[indicator.unit];
          const withValue = periods.filter((p) => p.value !== null);
          const last = withValue.at(-1);
          return html`<section class="card" aria-labelledby="${id}">
<h2 id="${id}">${indicator.label}</h2>
<p class="muted">${t.unit(unit)}${last ? ` · ${t.latest(last.label, figure(last.value))}` : ''}</p>
${
  withValue.length === 0
    ? html`<p class="muted">${t.noValue}</p>`
    : html`<figure class="chart">${raw(
        chart(periods, {
          id,
          title: t.chartTitle(indicator.label),
          description: t.chartDescription(periods.length),
        }),
      )}<figcaption class="muted">${t.legend}</figcaption></figure>`
}
${
  periods.length === 0
    ? ''
    : html`<div class="table-scroll" tabindex="0" role="region" aria-label="${t.tableOf(indicator.label)}"><table>
<thead><tr><th scope="col">${t.period}</th><th scope="col">${t.value}</th><th scope="col">${t.target}</th></tr></thead>
<tbody>${periods.map(
        (p) =>
          html`<tr><th scope="row">${p.label}</th><td>${figure(p.value)}${p.partial ? ` ${t.partial}` : ''}${p.provisional ? ` ${t.provisional}` : ''}</td><td>${figure(p.target)}</td></tr>`,
      )}</tbody></table></div>`
}
</section>`;
        })}`;
  return layout({
    title: t.title,
    trail: {
      steps: [
        HOME_STEP,
        { label: governance.name, href: governancePath(governance.id) },
        { label: t.title, href: `${governancePath(governance.id)}/indicateurs` },
      ],
    },
    signedInAs,
    body,
  });
}
