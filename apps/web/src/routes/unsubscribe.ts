import { describeUnsubscribe, unsubscribeReminder } from '@maille/domain/use-cases';
import { Hono } from 'hono';
import { html } from 'hono/html';
import { fr } from '../messages.ts';
import { HOME_STEP, layout } from '../pages/layout.ts';
import { messagePage } from '../pages/messages-page.ts';
import type { WebEnv } from '../web-env.ts';

const t = fr.unsubscribe;

/** Where the « se désabonner » link of an e-mail points: the delivery's id stands for the person. */
export const UNSUBSCRIBE_PREFIX = '/desabonnement/';

/**
 * The unsubscribe link of e-mails (RFC 8058). Opening it shows a button and changes nothing — a
 * mail filter that follows links must not unsubscribe anyone; posting it (the button, or the mail
 * program's one-click `List-Unsubscribe=One-Click`) turns that kind of reminder off.
 */
export const unsubscribeRoutes = new Hono<WebEnv>()
  .get(`${UNSUBSCRIBE_PREFIX}:id`, async (c) => {
    const target = await describeUnsubscribe(c.var.kernel, { deliveryId: c.req.param('id') });
    if (target.paused) return c.html(messagePage(t.doneTitle, t.already(target.label)));
    return c.html(
      layout({
        title: t.title,
        trail: { steps: [HOME_STEP] },
        body: html`<p>${t.ask(target.label)}</p>
<form method="post" action="${c.req.path}"><button type="submit">${t.confirm}</button></form>`,
      }),
    );
  })
  .post(`${UNSUBSCRIBE_PREFIX}:id`, async (c) => {
    const target = await unsubscribeReminder(c.var.kernel, { deliveryId: c.req.param('id') });
    return c.html(messagePage(t.doneTitle, t.done(target.label)));
  });
