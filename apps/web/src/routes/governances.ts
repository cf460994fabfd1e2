import { getSteeringBrief, updateGovernance } from '@maille/domain/use-cases';
import { Hono } from 'hono';
import { given, givenNumber, readForm, refusedOrStale } from '../forms.ts';
import { fr } from '../messages.ts';
import { briefPage, governancePage, governancePath, typedGovernance } from '../pages/governance.ts';
import { messagePage } from '../pages/messages-page.ts';
import type { PrintToPdf } from '../pdf.ts';
import { STYLESHEET, STYLESHEET_PATH } from '../style.ts';
import { me, sendPage, type WebEnv } from '../web-env.ts';

/**
 * « Gouvernance » and its « Point COPIL »: the page a coordinator opens before a steering
 * committee, and the same facts as a brief to print on A4 or download as a PDF.
 */
export function governanceRoutes(printer: PrintToPdf | undefined) {
  return new Hono<WebEnv>()
    .get('/gouvernances/:id', async (c) =>
      sendPage(
        c,
        await c.var.cached(c.req.url, async () => {
          const brief = await getSteeringBrief(c.var.kernel, { governanceId: c.req.param('id') });
          return String(await governancePage(brief, me(c).name));
        }),
      ),
    )
    .post('/gouvernances/:id', async (c) => {
      const governanceId = c.req.param('id');
      const typed = await readForm(c);
      const outcome = await refusedOrStale(() =>
        updateGovernance(c.var.kernel, {
          id: governanceId,
          expectedVersion: givenNumber(typed, 'version'),
          patch: {
            name: given(typed, 'name') ?? null,
            formality: given(typed, 'formality') ?? null,
            timeZone: given(typed, 'timeZone') ?? null,
            description: given(typed, 'description') ?? null,
          },
        }),
      );
      if ('done' in outcome) return c.redirect(governancePath(governanceId), 303);
      const brief = await getSteeringBrief(c.var.kernel, { governanceId });
      return c.html(
        governancePage(brief, me(c).name, {
          form: 'gouvernance',
          typed,
          errors: outcome.stale ? {} : outcome.errors,
          ...(outcome.stale ? { now: typedGovernance(brief.governance) } : {}),
        }),
        outcome.status,
      );
    })
    .get('/gouvernances/:id/point-copil', async (c) =>
      sendPage(
        c,
        await c.var.cached(c.req.url, async () => {
          const brief = await getSteeringBrief(c.var.kernel, { governanceId: c.req.param('id') });
          return String(await briefPage(brief, me(c).name, printer !== undefined));
        }),
      ),
    )
    .get('/gouvernances/:id/point-copil.pdf', async (c) => {
      const brief = await getSteeringBrief(c.var.kernel, { governanceId: c.req.param('id') });
      if (!printer) {
        return c.html(messagePage(fr.brief.noPdfTitle, fr.brief.noPdf, me(c).name), 503);
      }
      // Printed away from the server: the page carries its stylesheet instead of linking it.
      const page = String(await briefPage(brief, me(c).name, false)).replace(
        `<link rel="stylesheet" href="${STYLESHEET_PATH}">`,
        `<style>${STYLESHEET}</style>`,
      );
      const pdf = await printer(page);
      c.header('Content-Type', 'application/pdf');
      c.header(
        'Content-Disposition',
        `attachment; filename="point-copil-${brief.governance.id}-${brief.today}.pdf"`,
      );
      return c.body(pdf as Uint8Array<ArrayBuffer>);
    });
}
