import {
  directionLabels,
  type Indicator,
  measurementStatusLabels,
  periodicityLabels,
  TEXT_LIMITS,
  territoryRollupLabels,
  timeAggregationLabels,
  unitLabels,
} from '@maille/domain';
import type { IndicatorBoard } from '@maille/domain/use-cases';
import { html, raw } from 'hono/html';
import type { seriesChart } from '../chart.ts';
import {
  choicesOf,
  type FieldErrors,
  formAlert,
  type Refused,
  selectField,
  stateOf,
  type Typed,
  textArea,
  textField,
} from '../forms.ts';
import { fr } from '../messages.ts';
import { governancePath } from '../paths.ts';
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
  refused?: Refused<IndicatorForm>,
  history?: Html,
): Html {
  const t = fr.indicators;
  const { governance } = board;
  const body = html`${
    board.indicators.length === 0
      ? html`<p class="muted">${fr.governance.noIndicator}</p>`
      : html`${board.indicators.map(({ indicator, periods, currentPeriod }) => {
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
${
  indicator.method.type === 'calcul'
    ? html`<p class="muted">${t.computed}</p>`
    : board.may['measurement.record']
      ? recordForm(indicator, currentPeriod, board.may['measurement.validate'], refused)
      : ''
}
${board.may['indicator.manage'] ? definitionForm(indicator, refused) : ''}
</section>`;
        })}`
  }
${board.may['indicator.manage'] ? defaultsForm(governance.id) : ''}
${board.may['indicator.manage'] ? creationForm(governance.id, refused) : ''}`;
  return layout({
    demo: governance.demo === true,
    title: t.title,
    trail: {
      steps: [
        HOME_STEP,
        { label: governance.name, href: governancePath(governance.id) },
        { label: t.title, href: `${governancePath(governance.id)}/indicateurs` },
      ],
    },
    signedInAs,
    history,
    body,
  });
}

/**
 * The field's default indicators (places, communes covered, mediators…, most computed from the
 * data), added to those the governance follows; those it already has are left as they are.
 */
function defaultsForm(governanceId: string): Html {
  const t = fr.indicators;
  return html`<section class="card" aria-labelledby="defauts"><h2 id="defauts">${t.defaults}</h2>
<p class="hint">${t.defaultsLead}</p>
<form method="post" action="${governancePath(governanceId)}/indicateurs/defauts"><p><button type="submit">${t.installDefaults}</button></p></form>
</section>`;
}

export type IndicatorForm = `mesure-${string}` | `def-${string}` | 'nouvel';

/** A form's fields named after the indicator, so that each section's ids stay unique. */
const named = (prefix: string) => (field: string) => `${prefix}-${field}`;

/** Recording a value of a manually entered indicator, for the period today falls in by default. */
function recordForm(
  indicator: Indicator,
  currentPeriod: string,
  mayValidate: boolean,
  refused: Refused | undefined,
): Html {
  const t = fr.indicators;
  const prefix = `mesure-${indicator.id}`;
  const name = named(prefix);
  const field: { typed: Typed; errors: FieldErrors } = stateOf(refused, prefix, {
    [name('period')]: currentPeriod,
    [name('status')]: 'provisoire',
  });
  return html`<details${refused?.form === prefix ? ' open' : ''}><summary>${t.record}</summary>
<p class="hint">${t.revisionHint}</p>
${formAlert(field.errors, ['period', 'value', 'status', 'source', 'comment'].map(name))}
<form method="post" action="/indicateurs/${indicator.id}/mesures" novalidate>
${textField({ name: name('period'), label: t.recordPeriod, hint: t.periodHint(currentPeriod), required: true, maxlength: 7, ...field })}
${textField({ name: name('value'), label: `${t.recordValue} (${unitLabels[indicator.unit].toLowerCase()})`, type: 'number', step: 'any', required: true, ...field })}
${mayValidate ? selectField({ name: name('status'), label: t.recordStatus, choices: choicesOf(measurementStatusLabels), ...field }) : ''}
${textField({ name: name('source'), label: t.source, maxlength: 200, ...field })}
${textArea({ name: name('comment'), label: t.comment, maxlength: TEXT_LIMITS.text, rows: 2, ...field })}
<p><button type="submit">${t.recordButton}</button></p>
</form></details>`;
}

/** An indicator's definition as its form shows it: the targets one per line. */
export function typedIndicator(indicator: Indicator): Typed {
  const name = named(`def-${indicator.id}`);
  return {
    [name('label')]: indicator.label,
    [name('description')]: indicator.description ?? '',
    [name('direction')]: indicator.direction,
    [name('targets')]: indicator.targets
      .map((target) => `${target.period} : ${String(target.value).replace('.', ',')}`)
      .join('\n'),
  };
}

/** The label, description, direction and targets of an indicator. */
function definitionForm(indicator: Indicator, refused: Refused | undefined): Html {
  const t = fr.indicators;
  const prefix = `def-${indicator.id}`;
  const name = named(prefix);
  const field = stateOf(refused, prefix, typedIndicator(indicator));
  return html`<details${refused?.form === prefix ? ' open' : ''}><summary>${t.edit}</summary>
${formAlert(field.errors, ['label', 'description', 'direction', 'targets'].map(name))}
<form method="post" action="/indicateurs/${indicator.id}" novalidate>
<input type="hidden" name="version" value="${indicator.version}">
${textField({ name: name('label'), label: t.label, required: true, maxlength: TEXT_LIMITS.label, ...field })}
${textArea({ name: name('description'), label: t.description, maxlength: TEXT_LIMITS.text, rows: 2, ...field })}
${selectField({ name: name('direction'), label: t.direction, choices: choicesOf(directionLabels), ...field })}
${textArea({ name: name('targets'), label: t.targets, hint: t.targetsHint, maxlength: 200 * 24, rows: 4, ...field })}
<p><button type="submit">${t.save}</button></p>
</form></details>`;
}

/** A new indicator entered by hand (the computed ones come with the governance). */
function creationForm(governanceId: string, refused: Refused | undefined): Html {
  const t = fr.indicators;
  const name = named('nouvel');
  const field = stateOf(refused, 'nouvel', {
    [name('unit')]: 'nombre',
    [name('periodicity')]: 'trimestrielle',
    [name('direction')]: 'hausse',
    [name('timeAggregation')]: 'somme',
    [name('territoryRollup')]: 'somme',
  });
  const fields = [
    'code',
    'label',
    'description',
    'unit',
    'periodicity',
    'direction',
    'timeAggregation',
    'territoryRollup',
  ];
  return html`<section class="card" aria-label="${t.create}">
<details${refused?.form === 'nouvel' ? ' open' : ''}><summary>${t.create}</summary>
${formAlert(field.errors, fields.map(name))}
<form method="post" action="${governancePath(governanceId)}/indicateurs" novalidate>
${textField({ name: name('code'), label: t.code, hint: t.codeHint, required: true, maxlength: TEXT_LIMITS.code, ...field })}
${textField({ name: name('label'), label: t.label, required: true, maxlength: TEXT_LIMITS.label, ...field })}
${textArea({ name: name('description'), label: t.description, maxlength: TEXT_LIMITS.text, rows: 2, ...field })}
${selectField({ name: name('unit'), label: t.unitField, choices: choicesOf(unitLabels), ...field })}
${selectField({ name: name('periodicity'), label: t.periodicity, choices: choicesOf(periodicityLabels), ...field })}
${selectField({ name: name('direction'), label: t.direction, choices: choicesOf(directionLabels), ...field })}
${selectField({ name: name('timeAggregation'), label: t.timeAggregation, choices: choicesOf(timeAggregationLabels), ...field })}
${selectField({ name: name('territoryRollup'), label: t.territoryRollup, choices: choicesOf(territoryRollupLabels), ...field })}
<p><button type="submit">${t.createButton}</button></p>
</form></details></section>`;
}
