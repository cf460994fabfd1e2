import {
  createIndicator,
  getGovernance,
  getIndicator,
  getIndicatorBoard,
  installDefaultIndicators,
  recordMeasurement,
  updateIndicator,
} from '@maille/domain/use-cases';
import { type Context, Hono } from 'hono';
import {
  type FieldErrors,
  given,
  givenNumber,
  type Refusal,
  readForm,
  refusal,
  refusedOrStale,
  type Typed,
} from '../forms.ts';
import { fr } from '../messages.ts';
import { type IndicatorForm, indicatorsPage } from '../pages/indicators.ts';
import { governancePath } from '../paths.ts';
import { me, sendPage, type WebEnv } from '../web-env.ts';
import { latestHistory } from './history.ts';

/**
 * « Indicateurs »: each indicator of a governance, charted against its target and tabulated; a
 * value recorded for a period, an indicator's definition and targets changed, a new one created.
 */
export const indicatorRoutes = new Hono<WebEnv>()
  .get('/gouvernances/:id/indicateurs', async (c) => {
    const page = await c.var.cached(c.req.url, async () => {
      const board = await getIndicatorBoard(c.var.kernel, { governanceId: c.req.param('id') });
      // The charting library is loaded at the first chart: the server does not carry it idle.
      const { seriesChart } = await import('../chart.ts');
      const history = await latestHistory(c.var.kernel, {
        governanceId: board.governance.id,
        entity: 'indicator',
      });
      return String(await indicatorsPage(board, seriesChart, me(c).name, undefined, history));
    });
    return sendPage(c, page);
  })

  .post('/gouvernances/:id/indicateurs', async (c) => {
    const governanceId = c.req.param('id');
    const typed = await readForm(c);
    const field = (name: string) => given(typed, `nouvel-${name}`);
    const outcome = await refusedOrStale(
      () =>
        createIndicator(c.var.kernel, {
          governanceId,
          code: field('code'),
          label: field('label'),
          description: field('description'),
          unit: field('unit'),
          periodicity: field('periodicity'),
          direction: field('direction'),
          timeAggregation: field('timeAggregation'),
          territoryRollup: field('territoryRollup'),
          method: { type: 'saisie' },
        }),
      (path) => `nouvel-${path.split('.')[0]}`,
    );
    return answer(c, governanceId, 'nouvel', typed, outcome);
  })

  .post('/gouvernances/:id/indicateurs/defauts', async (c) => {
    const governanceId = c.req.param('id');
    await installDefaultIndicators(c.var.kernel, { governanceId });
    return c.redirect(`${governancePath(governanceId)}/indicateurs`, 303);
  })

  .post('/indicateurs/:id/mesures', async (c) => {
    const indicator = await getIndicator(c.var.kernel, { indicatorId: c.req.param('id') });
    // A value is recorded for the governance's own territory.
    const { territory } = await getGovernance(c.var.kernel, {
      governanceId: indicator.governanceId,
    });
    const typed = await readForm(c);
    const prefix = `mesure-${indicator.id}` as const;
    const field = (name: string) => given(typed, `${prefix}-${name}`);
    const outcome = await refusedOrStale(
      () =>
        recordMeasurement(c.var.kernel, {
          indicatorId: indicator.id,
          territory,
          period: field('period'),
          value: givenNumber(typed, `${prefix}-value`),
          status: field('status'),
          source: field('source'),
          comment: field('comment'),
        }),
      (path) => `${prefix}-${path.split('.')[0]}`,
    );
    return answer(c, indicator.governanceId, prefix, typed, outcome);
  })

  .post('/indicateurs/:id', async (c) => {
    const indicator = await getIndicator(c.var.kernel, { indicatorId: c.req.param('id') });
    const typed = await readForm(c);
    const prefix = `def-${indicator.id}` as const;
    const field = (name: string) => given(typed, `${prefix}-${name}`);
    const { targets, errors } = targetsOf(typed[`${prefix}-targets`] ?? '', `${prefix}-targets`);
    const outcome =
      Object.keys(errors).length > 0
        ? refusal(errors)
        : await refusedOrStale(
            () =>
              updateIndicator(c.var.kernel, {
                id: indicator.id,
                expectedVersion: givenNumber(typed, 'version'),
                patch: {
                  label: field('label') ?? null,
                  description: field('description') ?? null,
                  direction: field('direction') ?? null,
                  targets,
                },
              }),
            (path) => `${prefix}-${path.replace(/^patch\./, '').split('.')[0]}`,
          );
    return answer(c, indicator.governanceId, prefix, typed, outcome);
  });

/** Back to the indicators when done; otherwise the page again with the form filled. */
async function answer(
  c: Context<WebEnv>,
  governanceId: string,
  form: IndicatorForm,
  typed: Typed,
  outcome: { done: unknown } | Refusal,
) {
  const anchor = form === 'nouvel' ? '' : `#ind-${form.replace(/^(mesure|def)-/, '')}`;
  const back = `${governancePath(governanceId)}/indicateurs${anchor}`;
  if ('done' in outcome) return c.redirect(back, 303);
  const board = await getIndicatorBoard(c.var.kernel, { governanceId });
  const { seriesChart } = await import('../chart.ts');
  return c.html(
    indicatorsPage(board, seriesChart, me(c).name, { form, typed, errors: outcome.errors }),
    outcome.status,
  );
}

/** The targets typed one per line, « période : valeur »; the kernel checks the periods. */
function targetsOf(text: string, field: string): { targets: unknown[]; errors: FieldErrors } {
  const targets: unknown[] = [];
  const wrong: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const match = line.match(/^(\S+)\s*[:=]\s*(-?[\d\s\u202f\u00a0]+(?:[.,]\d+)?)$/);
    const value = match
      ? Number((match[2] ?? '').replace(/[\s\u202f\u00a0]/g, '').replace(',', '.'))
      : NaN;
    if (!match || !Number.isFinite(value)) wrong.push(fr.indicators.targetLine(index + 1, line));
    else targets.push({ period: match[1], value });
  });
  return { targets, errors: wrong.length > 0 ? { [field]: wrong.join(' ') } : {} };
}
