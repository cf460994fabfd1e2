import { html } from 'hono/html';
import { fr } from '../messages.ts';
import { HOME_STEP, type Html, layout } from './layout.ts';

/** A page that only says something (an error, a refusal), with the way back home. */
export function messagePage(
  title: string,
  text: string | readonly string[],
  signedInAs?: string,
  back: { href: string; label: string } = { href: '/', label: fr.errors.backHome },
): Html {
  const lines = typeof text === 'string' ? [text] : text;
  return layout({
    title,
    trail: { steps: [HOME_STEP] },
    signedInAs,
    body: html`${lines.map((line) => html`<p>${line}</p>`)}<p><a href="${back.href}">${back.label}</a></p>`,
  });
}

/** What a person is told when a page or a form asks for a right they do not have here. */
export function notAllowedPage(signedInAs: string): Html {
  return messagePage(fr.errors.forbiddenTitle, fr.errors.notAllowed, signedInAs);
}
