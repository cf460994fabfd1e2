import { html } from 'hono/html';
import { fr } from '../messages.ts';
import { HOME_STEP, type Html, layout } from './layout.ts';

/** A page that only says something (an error, a refusal), with the way back home. */
export function messagePage(title: string, text: string, signedInAs?: string): Html {
  return layout({
    title,
    trail: { steps: [HOME_STEP] },
    signedInAs,
    body: html`<p>${text}</p><p><a href="/">${fr.errors.backHome}</a></p>`,
  });
}
