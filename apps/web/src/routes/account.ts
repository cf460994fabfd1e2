import { deliveryKindLabels, type Person } from '@maille/domain';
import {
  calendarFeedPath,
  closeSessions,
  getPerson,
  getPersonalCalendarFeed,
  issueChatLinkCode,
  pauseReminders,
  renewPersonalCalendarFeed,
  updatePerson,
} from '@maille/domain/use-cases';
import { type Context, Hono } from 'hono';
import { deleteCookie } from 'hono/cookie';
import { given, givenNumber, readForm, refusedFields } from '../forms.ts';
import { ACCOUNT_PATH, type AccountNotice, accountPage } from '../pages/account.ts';
import { me, type WebEnv } from '../web-env.ts';

const withoutMedium = ({ medium: _, ...rest }: Person['reminders']) => rest;

const self = async (c: Context<WebEnv>) =>
  (await getPerson(c.var.kernel, { personId: me(c).id })) as Person;

/**
 * The account page with the person's agenda link, shown again at every visit (the API serves it,
 * with the workspace, under the same origin).
 */
async function page(c: Context<WebEnv>, person: Person, notice?: AccountNotice) {
  const live = await getPersonalCalendarFeed(c.var.kernel, { personId: person.id });
  return accountPage(person, notice, {
    url: live && new URL(calendarFeedPath(live.token), c.req.url).href,
    renewed: c.req.query('agenda') === 'nouveau',
  });
}

/**
 * « Mon compte »: reminder preferences, a pause, a chat link code, the agenda link, signing out
 * everywhere.
 */
export function accountRoutes(sessionCookie: string) {
  return (
    new Hono<WebEnv>()
      .get(ACCOUNT_PATH, async (c) => c.html(await page(c, await self(c))))

      .post(`${ACCOUNT_PATH}/rappels`, async (c) => {
        const typed = await readForm(c);
        const person = await self(c);
        const outcome = await refusedFields(
          () =>
            updatePerson(c.var.kernel, {
              id: person.id,
              expectedVersion: givenNumber(typed, 'version'),
              patch: {
                ...(given(typed, 'email') === undefined ? {} : { email: given(typed, 'email') }),
                reminders: {
                  ...withoutMedium(person.reminders),
                  ...(given(typed, 'medium') === undefined
                    ? {}
                    : { medium: given(typed, 'medium') }),
                  // Only a form that shows the kinds says which are off (a hidden `kinds` field).
                  ...(typed.kinds === '1'
                    ? {
                        pausedKinds: Object.keys(deliveryKindLabels).filter(
                          (kind) => typed[`kind_${kind}`] !== '1',
                        ),
                        mediumByKind: Object.fromEntries(
                          Object.keys(deliveryKindLabels)
                            .map((kind) => [kind, given(typed, `medium_${kind}`)])
                            .filter(([, medium]) => medium !== undefined),
                        ),
                      }
                    : {}),
                  channel: given(typed, 'channel'),
                  quietHours: { from: given(typed, 'quietFrom'), to: given(typed, 'quietTo') },
                  weekends: typed.weekends === '1',
                },
              },
            }),
          (path) =>
            path.includes('mediumByKind.')
              ? `medium_${path.split('.').at(-1)}`
              : path.endsWith('quietHours.from')
                ? 'quietFrom'
                : path.endsWith('quietHours.to')
                  ? 'quietTo'
                  : (path.split('.').at(-1) ?? ''),
        );
        if ('done' in outcome) return c.redirect(`${ACCOUNT_PATH}#rappels`, 303);
        return c.html(
          await page(c, person, { form: 'rappels', typed, errors: outcome.errors }),
          400,
        );
      })

      .post(`${ACCOUNT_PATH}/pause`, async (c) => {
        const typed = await readForm(c);
        const outcome = await refusedFields(
          () =>
            pauseReminders(c.var.kernel, {
              personId: me(c).id,
              until: given(typed, 'until') ?? null,
            }),
          () => 'until',
        );
        if ('done' in outcome) return c.redirect(`${ACCOUNT_PATH}#pause`, 303);
        return c.html(
          await page(c, await self(c), { form: 'pause', typed, errors: outcome.errors }),
          400,
        );
      })

      // The code is shown once, on the page this post answers: not stored, not in an address.
      .post(`${ACCOUNT_PATH}/code-chat`, async (c) => {
        const issued = await issueChatLinkCode(c.var.kernel, { personId: me(c).id });
        return c.html(
          await page(c, await self(c), { code: issued.code, expiresAt: issued.expiresAt }),
        );
      })

      // A new link, the old one revoked at once; the page then shows the new one.
      .post(`${ACCOUNT_PATH}/agenda`, async (c) => {
        const { replaced } = await renewPersonalCalendarFeed(c.var.kernel, { personId: me(c).id });
        // « The old one no longer works » only when there was one.
        return c.redirect(`${ACCOUNT_PATH}${replaced ? '?agenda=nouveau' : ''}#agenda`, 303);
      })

      .post(`${ACCOUNT_PATH}/deconnexion-partout`, async (c) => {
        await closeSessions(c.var.kernel, { personId: me(c).id });
        deleteCookie(c, sessionCookie, { path: '/' });
        return c.redirect('/', 303);
      })
  );
}
