import type { Roadmap } from '@maille/domain';
import {
  adoptRoadmap,
  changeRoadmapStatus,
  getRoadmapOverview,
  updateRoadmap,
} from '@maille/domain/use-cases';
import { type Context, Hono } from 'hono';
import {
  type FieldErrors,
  given,
  givenNumber,
  readForm,
  refusal,
  refusedOrStale,
  type Typed,
} from '../forms.ts';
import { fr } from '../messages.ts';
import { notAllowedPage } from '../pages/messages-page.ts';
import { roadmapPage } from '../pages/roadmap.ts';
import { axisRow, axisRowCount, roadmapFormPage, typedRoadmap } from '../pages/roadmap-form.ts';
import { roadmapPath } from '../paths.ts';
import { me, sendPage, type WebEnv } from '../web-env.ts';
import { latestHistory } from './history.ts';

/**
 * « Feuille de route »: the tree of a roadmap, filtered by a GET form (a filtered view is a link);
 * its edit form (axes included), its adoption and its
 * other changes of status.
 */
export const roadmapRoutes = new Hono<WebEnv>()
  .get('/feuilles-de-route/:id', async (c) => {
    const query = c.req.query();
    const filters = {
      axe: query.axe ?? '',
      statut: query.statut ?? '',
      responsable: query.responsable ?? '',
      retard: query.retard ? '1' : '',
    };
    const page = await c.var.cached(c.req.url, async () => {
      const overview = await getRoadmapOverview(c.var.kernel, {
        roadmapId: c.req.param('id'),
        axisId: filters.axe || undefined,
        status: filters.statut || undefined,
        ownerId: filters.responsable || undefined,
        lateOnly: filters.retard === '1',
      });
      const history = await latestHistory(c.var.kernel, {
        governanceId: overview.governance.id,
        entity: 'roadmap',
        entityId: overview.roadmap.id,
      });
      return String(await roadmapPage(overview, filters, me(c).name, undefined, history));
    });
    return sendPage(c, page);
  })

  .get('/feuilles-de-route/:id/modifier', async (c) => {
    const overview = await getRoadmapOverview(c.var.kernel, { roadmapId: c.req.param('id') });
    if (!overview.may['roadmap.edit']) return c.html(notAllowedPage(me(c).name), 403);
    return c.html(roadmapFormPage(overview, undefined, me(c).name));
  })

  .post('/feuilles-de-route/:id/modifier', async (c) => {
    const roadmapId = c.req.param('id');
    const before = await getRoadmapOverview(c.var.kernel, { roadmapId });
    const typed = await readForm(c);
    const { axes, rows, errors } = axesOf(typed, before.roadmap);
    const outcome =
      Object.keys(errors).length > 0
        ? refusal(errors)
        : await refusedOrStale(
            () =>
              updateRoadmap(c.var.kernel, {
                id: roadmapId,
                expectedVersion: givenNumber(typed, 'version'),
                patch: {
                  title: given(typed, 'title') ?? null,
                  fromYear: givenNumber(typed, 'fromYear') ?? null,
                  toYear: givenNumber(typed, 'toYear') ?? null,
                  contract: given(typed, 'contract') ?? null,
                  public: typed.public === 'oui',
                  diagnosis: { ...before.roadmap.diagnosis, summary: given(typed, 'diagnosis') },
                  axes,
                },
              }),
            (path) => {
              const name = path.replace(/^patch\./, '');
              const axis = name.match(/^axes\.(\d+)\.(code|title)/);
              if (axis) {
                return axisRow(rows[Number(axis[1])] ?? 0)[axis[2] === 'code' ? 'code' : 'title'];
              }
              return name.startsWith('diagnosis') ? 'diagnosis' : (name.split('.')[0] ?? '');
            },
          );
    if ('done' in outcome) return c.redirect(roadmapPath(roadmapId), 303);
    const now = await getRoadmapOverview(c.var.kernel, { roadmapId });
    return c.html(
      roadmapFormPage(
        now,
        {
          form: 'feuille',
          typed,
          errors: outcome.stale ? {} : outcome.errors,
          ...(outcome.stale ? { now: typedRoadmap(now.roadmap) } : {}),
        },
        me(c).name,
      ),
      outcome.status,
    );
  })

  .post('/feuilles-de-route/:id/adoption', async (c) => {
    const typed = await readForm(c);
    return changeOnPage(
      c,
      'adoption',
      typed,
      (roadmapId) =>
        adoptRoadmap(c.var.kernel, {
          roadmapId,
          expectedVersion: givenNumber(typed, 'version'),
          adoption: {
            date: given(typed, 'date'),
            assembly: given(typed, 'assembly'),
            deliberationRef: given(typed, 'deliberationRef'),
          },
        }),
      (path) => path.replace(/^adoption\./, ''),
    );
  })

  .post('/feuilles-de-route/:id/statut', async (c) => {
    const typed = await readForm(c);
    return changeOnPage(c, 'statut', typed, (roadmapId) =>
      changeRoadmapStatus(c.var.kernel, {
        roadmapId,
        expectedVersion: givenNumber(typed, 'version'),
        status: given(typed, 'status'),
      }),
    );
  });

/** A form of the roadmap's page: done, back to the page; refused, the page with the form filled. */
async function changeOnPage(
  c: Context<WebEnv>,
  form: 'adoption' | 'statut',
  typed: Typed,
  work: (roadmapId: string) => Promise<unknown>,
  rename?: (path: string) => string,
) {
  const roadmapId = c.req.param('id') ?? '';
  const outcome = await refusedOrStale(() => work(roadmapId), rename);
  if ('done' in outcome) return c.redirect(roadmapPath(roadmapId), 303);
  const overview = await getRoadmapOverview(c.var.kernel, { roadmapId });
  return c.html(
    roadmapPage(overview, {}, me(c).name, { form, typed, errors: outcome.errors }),
    outcome.status,
  );
}

/**
 * The axes typed in the form's rows. A row keeps its axis (its id, description and fiches) while
 * edited; a row with no title is no axis (the kernel refuses removing one that has fiches).
 */
function axesOf(
  typed: Typed,
  roadmap: Roadmap,
): { axes: unknown[]; rows: number[]; errors: FieldErrors } {
  const axes: unknown[] = [];
  /** The form's row of each axis, to put the kernel's refusals next to it. */
  const rows: number[] = [];
  const errors: Record<string, string> = {};
  for (let index = 0; index < axisRowCount(typed); index += 1) {
    const row = axisRow(index);
    const title = given(typed, row.title);
    const code = given(typed, row.code);
    if (!title) {
      if (code) errors[row.title] = fr.roadmapForm.axisTitleMissing;
      continue;
    }
    const id = given(typed, row.id);
    const known = roadmap.axes.find((a) => a.id === id);
    rows.push(index);
    axes.push({ ...(known ?? (id ? { id } : {})), code, title, position: axes.length });
  }
  return { axes, rows, errors };
}
