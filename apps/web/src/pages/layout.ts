import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { fr } from '../messages.ts';
import { STYLESHEET_PATH } from '../style.ts';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** Where a page sits: the trail the navigation shows, the last step being the page itself. */
export interface Trail {
  steps: { label: string; href: string }[];
}

/**
 * Every page's frame: the navigation that says where you are (a trail from the home page), who
 * is signed in with a sign-out button, then the page. Text is escaped by `html`; no script.
 */
export function layout(page: {
  title: string;
  trail: Trail;
  signedInAs?: string | undefined;
  /** A page of a demonstration governance: it says so under its title. */
  demo?: boolean | undefined;
  body: Html;
  /** The « Historique » section of what the page shows, last (see `latestHistory`). */
  history?: Html | undefined;
}): Html {
  const steps = page.trail.steps;
  return html`<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} · ${fr.appName}</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<a class="skip" href="#contenu">Aller au contenu</a>
<header class="site">
<a class="brand" href="/">${fr.appName}</a>
<nav aria-label="${fr.nav.label}"><ol>${steps.map(
    (step, index) =>
      html`<li>${
        index === steps.length - 1
          ? html`<a href="${step.href}" aria-current="page">${step.label}</a>`
          : html`<a href="${step.href}">${step.label}</a>`
      }</li>`,
  )}</ol></nav>
${
  page.signedInAs === undefined
    ? ''
    : html`<div class="who"><span>${fr.nav.signedInAs(page.signedInAs)}</span> <a href="/compte">${fr.nav.account}</a>
<form method="post" action="/deconnexion"><button type="submit">${fr.nav.signOut}</button></form></div>`
}
</header>
<main id="contenu">
<h1>${page.title}</h1>
${page.demo ? demoNote() : ''}
${page.body}
${page.history ?? ''}
</main>
</body>
</html>`;
}

/** The banner of a demonstration governance's pages: a note, read as such by screen readers. */
function demoNote(): Html {
  return html`<p class="demo-note" role="note"><strong>${fr.demo.badge}</strong> — ${fr.demo.note}</p>`;
}

/** The marker beside a demonstration governance's name, in lists. */
export function demoBadge(governance: { demo?: boolean | undefined }): Html | '' {
  return governance.demo ? html` <span class="tag demo">${fr.demo.badge}</span>` : '';
}

export const HOME_STEP = { label: fr.nav.home, href: '/' };

/** A progress bar with its figure written out, named for screen readers. */
export function progressBar(percent: number, label: string): Html {
  const value = Math.round(percent);
  return html`<progress max="100" value="${value}" aria-label="${label}">${value} %</progress> ${value} %`;
}
