import {
  type FundingDate,
  formatDate,
  formatEuros,
  fundingDateLabels,
  fundingStatusLabels,
  type Governance,
} from '@maille/domain';
import type { FundingCalendar } from '@maille/domain/use-cases';
import { html } from 'hono/html';
import { fr } from '../messages.ts';
import { actionPath, fundingPath, governancePath } from '../paths.ts';
import { HOME_STEP, type Html, layout } from './layout.ts';

/** One step of a line's calendar, as a short French phrase. */
function dateText(step: FundingDate): string {
  const t = fr.funding;
  const what =
    step.kind === 'versement' && step.amountCents !== undefined
      ? t.paymentOf(formatEuros(step.amountCents))
      : fundingDateLabels[step.kind];
  const met = (step.kind === 'depot' || step.kind === 'bilan') && !step.open ? ` (${t.met})` : '';
  return `${formatDate(step.date)} : ${what}${met}`;
}

/**
 * « Financements et échéances » of a governance: the deadlines to meet (late ones first), what
 * each funder was asked, granted and paid, and every line with its calendar — what a coordinator
 * prepares a finance committee or a funder's call with.
 */
export function fundingPage(
  governance: Pick<Governance, 'id' | 'name'>,
  calendar: FundingCalendar,
  signedInAs: string,
): Html {
  const t = fr.funding;
  const base = fundingPath(governance.id);
  const body = html`<section class="card" aria-labelledby="echeances"><h2 id="echeances">${t.due}</h2>
<p class="hint">${t.dueLead(calendar.aheadDays)}</p>
${
  calendar.due.length === 0
    ? html`<p class="muted">${t.noDue}</p>`
    : html`<ul>${calendar.due.map(
        (d) =>
          html`<li${d.daysUntil < 0 ? html` class="late"` : ''}><strong>${d.label}</strong> — ${d.funder}${d.programme ? ` (${d.programme})` : ''}${d.action ? html`, <a href="${actionPath(d.action.id)}#financements">${d.action.code} ${d.action.title}</a>` : ''} : ${formatDate(d.date)}, ${d.daysUntil < 0 ? t.late(-d.daysUntil) : t.inDays(d.daysUntil)}</li>`,
      )}</ul>`
}
</section>
<section class="card" aria-labelledby="financeurs"><h2 id="financeurs">${t.byFunder}</h2>
${
  calendar.funders.length === 0
    ? html`<p class="muted">${t.noLine}</p>`
    : html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby="financeurs"><table>
<thead><tr><th scope="col">${t.funder}</th><th scope="col">${t.lines}</th><th scope="col">${t.asked}</th><th scope="col">${t.granted}</th><th scope="col">${t.paid}</th><th scope="col">${t.toBePaid}</th></tr></thead>
<tbody>${calendar.funders.map(
        (f) =>
          html`<tr><th scope="row">${f.label}</th><td>${f.lineCount}</td><td>${formatEuros(f.askedCents)}</td><td>${formatEuros(f.grantedCents)}</td><td>${formatEuros(f.paidCents)}</td><td>${formatEuros(f.toBePaidCents)}</td></tr>`,
      )}</tbody>
<tfoot><tr><th scope="row">${t.total}</th><td></td><td>${formatEuros(calendar.totals.askedCents)}</td><td>${formatEuros(calendar.totals.grantedCents)}</td><td>${formatEuros(calendar.totals.paidCents)}</td><td>${formatEuros(calendar.totals.toBePaidCents)}</td></tr></tfoot></table></div>`
}
</section>
<section class="card" aria-labelledby="lignes"><h2 id="lignes">${t.all}</h2>
${
  calendar.lines.length === 0
    ? html`<p class="muted">${t.noLine}</p>`
    : html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby="lignes"><table>
<thead><tr><th scope="col">${t.action}</th><th scope="col">${t.funder}</th><th scope="col">${t.status}</th><th scope="col">${t.asked}</th><th scope="col">${t.granted}</th><th scope="col">${t.paid}</th><th scope="col">${t.dates}</th></tr></thead>
<tbody>${calendar.lines.map(
        (l) =>
          html`<tr><th scope="row">${l.action ? html`<a href="${actionPath(l.action.id)}#financements">${l.action.code}</a>` : '—'}</th><td>${l.funder}${l.line.programme ? html`<br><span class="muted">${l.line.programme}</span>` : ''}</td><td>${fundingStatusLabels[l.line.status]}</td><td>${formatEuros(l.line.amountCents)}</td><td>${formatEuros(l.grantedCents)}</td><td>${formatEuros(l.paidCents)}</td><td>${
            l.dates.length === 0
              ? '—'
              : html`<ul class="plain">${l.dates.map((step) => html`<li>${dateText(step)}</li>`)}</ul>`
          }</td></tr>`,
      )}</tbody></table></div>`
}
<p><a href="${base}.csv">${t.csv}</a></p>
</section>`;
  return layout({
    title: t.title,
    trail: {
      steps: [
        HOME_STEP,
        { label: governance.name, href: governancePath(governance.id) },
        { label: t.title, href: base },
      ],
    },
    signedInAs,
    body,
  });
}
