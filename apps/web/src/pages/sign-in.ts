import { html } from 'hono/html';
import { fr } from '../messages.ts';
import { HOME_STEP, type Html, layout } from './layout.ts';

/**
 * The page a sign-in link opens: a button that signs in. The link is spent by the button's post,
 * not by opening the page, so that a mail or chat client that previews links does not spend it.
 */
export function signInPage(action: string): Html {
  return layout({
    title: fr.signIn.title,
    trail: { steps: [HOME_STEP, { label: fr.signIn.title, href: action }] },
    body: html`<section class="card"><p>${fr.signIn.lead}</p>
<form method="post" action="${action}"><button type="submit">${fr.signIn.button}</button></form></section>`,
  });
}

/** The home page of someone not signed in: how to get a link. */
export function signedOutPage(): Html {
  return layout({
    title: fr.signedOut.title,
    trail: { steps: [HOME_STEP] },
    body: html`<section class="card"><p>${fr.signedOut.lead}</p><p class="muted">${fr.signedOut.how}</p></section>`,
  });
}
