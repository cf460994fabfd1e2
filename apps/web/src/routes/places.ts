import { can, ForbiddenError } from '@maille/domain';
import {
  exportDiagnosisCsv,
  exportPlaces,
  getGovernance,
  getPlacesImport,
  getTerritorialDiagnosis,
  importPlaces,
  listGovernancePlaces,
  mergeDuplicatePlaces,
} from '@maille/domain/use-cases';
import { type Context, Hono } from 'hono';
import { refusedFields } from '../forms.ts';
import { fr } from '../messages.ts';
import { type PlacesNotice, placesImportPage, placesPage } from '../pages/places.ts';
import { PLACES_IMPORT_PAGE, placesImportPath } from '../paths.ts';
import { me, sendPage, type WebEnv } from '../web-env.ts';
import { latestHistory } from './history.ts';

/**
 * The places page, as it is now, with what the last form did said above it. Its import and merge
 * forms are for the governance's coordination (which may change the shared directory): the
 * others read.
 */
async function renderPlaces(c: Context<WebEnv>, governanceId: string, notice?: PlacesNotice) {
  const history = await latestHistory(c.var.kernel, { governanceId, entity: 'organization' });
  const [places, diagnosis] = await Promise.all([
    listGovernancePlaces(c.var.kernel, { governanceId }),
    getTerritorialDiagnosis(c.var.kernel, { governanceId }),
  ]);
  const mayEdit = can(c.var.kernel.actor, 'organization.manage', {
    governance: places.governance,
  });
  return String(await placesPage(places, diagnosis, me(c).name, { mayEdit, notice }, history));
}

async function showPlaces(
  c: Context<WebEnv>,
  governanceId: string,
  notice: PlacesNotice,
  status: 200 | 400 | 403 | 409 = 200,
) {
  return c.html(await renderPlaces(c, governanceId, notice), status);
}

/** A refusal's French messages, for the notice above the page. */
const firstMessage = (refused: { errors: Record<string, string> }) =>
  Object.values(refused.errors).join(' ');

/**
 * « Lieux et diagnostic » of a governance: its diagnosis and places (and their downloads), the
 * merge of probable duplicates, the import of a national file and the reading of its report.
 */
export const placeRoutes = new Hono<WebEnv>()
  .get('/gouvernances/:id/lieux', async (c) => {
    const governanceId = c.req.param('id');
    return sendPage(c, await c.var.cached(c.req.url, () => renderPlaces(c, governanceId)));
  })

  .get('/gouvernances/:id/lieux.json', (c) => download(c, 'json'))
  .get('/gouvernances/:id/lieux.csv', (c) => download(c, 'csv'))

  .get('/gouvernances/:id/diagnostic.csv', async (c) => {
    const file = await exportDiagnosisCsv(c.var.kernel, { governanceId: c.req.param('id') });
    return c.body(file.csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${file.filename}"`,
    });
  })

  .post('/gouvernances/:id/lieux/fusion', async (c) => {
    const governanceId = c.req.param('id');
    const form = await c.req.parseBody();
    const kept = typeof form.garder === 'string' ? form.garder : '';
    const group = typeof form.groupe === 'string' ? form.groupe.split(' ') : [];
    const others = group.filter((id) => id !== kept && id !== '');
    // A page read before another merge (reloaded, another tab, a colleague's) may name a record
    // merged since: merged again, it would hide both records. Only places listed now are merged.
    const { places } = await listGovernancePlaces(c.var.kernel, { governanceId });
    const listed = new Set(places.map(({ place }) => place.id));
    if (![kept, ...others].every((id) => id === '' || listed.has(id)))
      return showPlaces(c, governanceId, { kind: 'error', text: fr.places.mergedAlready }, 409);
    let conflicts = 0;
    for (const otherId of others) {
      const outcome = await refusedFields(() =>
        mergeDuplicatePlaces(c.var.kernel, { keptId: kept, otherId }),
      );
      if (!('done' in outcome))
        return showPlaces(c, governanceId, { kind: 'error', text: firstMessage(outcome) }, 400);
      conflicts += outcome.done.conflicts.length;
    }
    return showPlaces(c, governanceId, { kind: 'notice', text: fr.places.merged(conflicts) });
  })

  .post(PLACES_IMPORT_PAGE, async (c) => {
    const form = await c.req.parseBody();
    const governanceId = typeof form.gouvernance === 'string' ? form.gouvernance : '';
    const file = form.fichier;
    // A browser sends a file without a name when none was chosen; an empty file chosen is the
    // kernel's to refuse, saying so.
    if (!(file instanceof File) || (file.size === 0 && file.name === ''))
      return showPlaces(c, governanceId, { kind: 'error', text: fr.places.noFile }, 400);
    try {
      const outcome = await refusedFields(async () =>
        importPlaces(c.var.kernel, {
          content: new Uint8Array(await file.arrayBuffer()),
          fileName: file.name.slice(0, 200) || undefined,
        }),
      );
      if (!('done' in outcome))
        return showPlaces(c, governanceId, { kind: 'error', text: firstMessage(outcome) }, 400);
      const back = governanceId ? `?gouvernance=${encodeURIComponent(governanceId)}` : '';
      return c.redirect(`${placesImportPath(outcome.done.id)}${back}`, 303);
    } catch (error) {
      if (error instanceof ForbiddenError)
        return showPlaces(c, governanceId, { kind: 'error', text: error.message }, 403);
      throw error;
    }
  })

  .get(`${PLACES_IMPORT_PAGE}/:id`, async (c) => {
    const report = await getPlacesImport(c.var.kernel, { importId: c.req.param('id') });
    const governanceId = c.req.query('gouvernance');
    const governance = governanceId
      ? await getGovernance(c.var.kernel, { governanceId }).catch(() => undefined)
      : undefined;
    return c.html(
      String(
        await placesImportPage(
          report,
          me(c).name,
          governance ? { governanceId: governance.id, name: governance.name } : undefined,
        ),
      ),
    );
  });

async function download(c: Context<WebEnv>, format: 'json' | 'csv') {
  const file = await exportPlaces(c.var.kernel, { governanceId: c.req.param('id'), format });
  return c.body(file.content, 200, {
    'Content-Type': file.contentType,
    'Content-Disposition': `attachment; filename="${file.filename}"`,
  });
}
