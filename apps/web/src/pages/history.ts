import { type HistoryChange, historyEntityNoun } from '@maille/domain';
import type { HistoryEntry, HistoryPage, Page } from '@maille/domain/use-cases';
import { html } from 'hono/html';
import { fr } from '../messages.ts';
import { governancePath, historyPath } from '../paths.ts';
import { HOME_STEP, type Html, layout } from './layout.ts';

/** What a history shows: a governance's, or one record's in it. */
export interface HistoryFilter {
  governanceId: string;
  entity?: string | undefined;
  entityId?: string | undefined;
}

/**
 * One field changed: « Titre : Bus → Bus numérique »; a list by what it gained, lost or saw
 * change (« Versements : ajouté 12 000 € le 3 mars 2027 »).
 */
function changeLine(change: HistoryChange): Html {
  const empty = html`<span class="muted">${fr.history.empty}</span>`;
  const lists = (
    [
      ['added', change.added],
      ['removed', change.removed],
      ['changed', change.changed],
    ] as const
  ).filter(([, items]) => items !== undefined && items.length > 0);
  if (lists.length === 0) {
    return html`<li>${change.label} : ${change.before ?? empty} → ${change.after ?? empty}</li>`;
  }
  return html`<li>${change.label} :<ul class="changes">${lists.map(
    ([kind, items]) =>
      html`<li class="${kind}">${fr.history[kind]} ${items?.map((item, i) => html`${i > 0 ? ' ; ' : ''}« ${item} »`)}</li>`,
  )}</ul></li>`;
}

/** The events of a page, newest first, each with who, when, through which channel and what. */
function entries(items: readonly HistoryEntry[]): Html {
  if (items.length === 0) return html`<p class="muted">${fr.history.none}</p>`;
  return html`<ol class="items history">${items.map(({ event, line }) => {
    const what = html`<time datetime="${event.at}">${line.when}</time> — <strong>${line.author}</strong> ${line.summary} <span class="tag">${fr.history.via(line.channel)}</span>`;
    const decision = line.decision ? html` <em class="decision">${line.decision}</em>` : '';
    return html`<li>${what}${decision}${
      line.changes.length > 0
        ? html`<ul class="items" aria-label="${fr.history.changes}">${line.changes.map(changeLine)}</ul>`
        : ''
    }</li>`;
  })}</ol>`;
}

/**
 * « Historique » on a page of the workspace: the latest changes of what the page shows, and a
 * link to the whole history, page after page.
 */
export function historySection(page: Page<HistoryEntry>, filter: HistoryFilter): Html {
  return html`<section class="card" aria-labelledby="historique"><h2 id="historique">${fr.history.title}</h2>
${entries(page.items)}
<p><a href="${historyPath(filter.governanceId, filter)}">${fr.history.all}</a></p>
</section>`;
}

/**
 * « Historique »: a governance's history, or one record's, newest first, a page at a time with
 * « Plus ancien » to go further back.
 */
export function historyPage(
  governance: { id: string; name: string },
  filter: HistoryFilter & { before?: string | undefined },
  page: HistoryPage,
  signedInAs: string,
): Html {
  // The record's kind comes from the kernel, which reads it from the id when the address has none.
  const record = page.record;
  const title =
    record === undefined
      ? fr.history.pageTitle(governance.name)
      : fr.history.ofRecord(historyEntityNoun(record.entity).of, record.name ?? '');
  const here = historyPath(governance.id, filter);
  const body = html`<p class="text">${fr.history.lead}</p>
${record === undefined && filter.entity === undefined ? '' : html`<p><a href="${historyPath(governance.id)}">${fr.history.wholeGovernance}</a></p>`}
${entries(page.items)}
<nav aria-label="${fr.history.title}"><p>${
    filter.before === undefined
      ? ''
      : html`<a href="${historyPath(governance.id, { entity: filter.entity, entityId: filter.entityId })}">${fr.history.newest}</a> `
  }${
    page.next === undefined
      ? ''
      : html`<a class="button" rel="next" href="${historyPath(governance.id, { entity: filter.entity, entityId: filter.entityId, before: page.next })}">${fr.history.older}</a>`
  }</p></nav>`;
  return layout({
    title,
    trail: {
      steps: [
        HOME_STEP,
        { label: governance.name, href: governancePath(governance.id) },
        { label: fr.history.title, href: here },
      ],
    },
    signedInAs,
    body,
  });
}
