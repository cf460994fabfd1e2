import {
  formatDate,
  freshnessLabels,
  type Organization,
  type PlacesImport,
  placeOutcomeLabels,
} from '@maille/domain';
import type { GovernancePlaces, TerritorialDiagnosisSheet } from '@maille/domain/use-cases';
import { html } from 'hono/html';
import { fr } from '../messages.ts';
import { governancePath, PLACES_IMPORT_PAGE, placesPath } from '../paths.ts';
import { HOME_STEP, type Html, layout } from './layout.ts';

/** What the page says above its sections after a merge, or why an import was refused. */
export interface PlacesNotice {
  kind: 'notice' | 'error';
  text: string;
}

export interface PlacesPageOptions {
  /** Whether the person may import and merge (the coordination): the others only read. */
  mayEdit: boolean;
  notice?: PlacesNotice | undefined;
}

/**
 * « Lieux et diagnostic »: the territorial diagnosis of the governance's perimeter, its places with
 * the freshness of each record, the probable duplicates to merge, the exports in the national
 * schema and the import of a national file.
 */
export function placesPage(
  { governance, places, duplicates }: GovernancePlaces,
  { diagnosis }: TerritorialDiagnosisSheet,
  signedInAs: string,
  { mayEdit, notice }: PlacesPageOptions,
  history?: Html,
): Html {
  const t = fr.places;
  const base = placesPath(governance.id);
  const body = html`${
    notice
      ? html`<div class="alert ${notice.kind === 'error' ? 'error' : 'notice'}" role="${notice.kind === 'error' ? 'alert' : 'status'}"><p>${notice.text}</p></div>`
      : ''
  }
<section class="card" aria-labelledby="diagnostic"><h2 id="diagnostic">${t.diagnosis}</h2>
${
  diagnosis.communes.total === 0
    ? html`<p class="muted">${t.noCommune}</p>`
    : html`<p>${t.communes(diagnosis.communes.total, diagnosis.communes.withPlace, diagnosis.communes.withoutPlace)}</p>
${
  // Communes typed by hand have no population: none is better than « 0 habitant ».
  diagnosis.communes.population > 0
    ? html`<p>${t.population(diagnosis.communes.population, diagnosis.communes.populationWithoutPlace)}</p>`
    : ''
}
<p>${t.opening(diagnosis.places.saturday, diagnosis.places.evening, diagnosis.places.mobile, diagnosis.places.byFreshness.a_actualiser)}</p>
<div class="table-scroll" tabindex="0" role="region" aria-label="${t.byService}"><table>
<caption>${t.byService}</caption>
<thead><tr><th scope="col">${t.service}</th><th scope="col">${t.count}</th></tr></thead>
<tbody>${diagnosis.places.byService.map((s) => html`<tr><th scope="row">${s.label}</th><td>${s.places}</td></tr>`)}</tbody></table></div>
<div class="table-scroll" tabindex="0" role="region" aria-label="${t.byPublic}"><table>
<caption>${t.byPublic}</caption>
<thead><tr><th scope="col">${t.audience}</th><th scope="col">${t.count}</th></tr></thead>
<tbody>${diagnosis.places.byPublic.map((p) => html`<tr><th scope="row">${p.label}</th><td>${p.places}</td></tr>`)}</tbody></table></div>
<p><a href="${base.replace(/\/lieux$/, '/diagnostic.csv')}">${t.diagnosisCsv}</a></p>`
}
</section>
<section class="card" aria-labelledby="lieux"><h2 id="lieux">${t.list}</h2>
${
  places.length === 0
    ? html`<p class="muted">${t.none}</p>`
    : html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby="lieux"><table>
<thead><tr><th scope="col">${t.name}</th><th scope="col">${t.commune}</th><th scope="col">${t.services}</th><th scope="col">${t.record}</th></tr></thead>
<tbody>${places.map(
        ({ place, freshness }) =>
          html`<tr><th scope="row">${place.name}</th><td>${place.address?.city ?? ''}</td><td>${place.services.length}</td><td>${freshnessLabels[freshness]}${place.sourceUpdatedAt ? html` <span class="muted">(${t.updatedOn(formatDate(place.sourceUpdatedAt))})</span>` : ''}</td></tr>`,
      )}</tbody></table></div>
<p><a href="${base}.json">${t.exportJson}</a> · <a href="${base}.csv">${t.exportCsv}</a></p>
${(() => {
  const without = places.filter(({ place }) => place.address === undefined);
  return without.length === 0
    ? ''
    : html`<p class="hint">${t.leftOut(without.map(({ place }) => place.name))}</p>`;
})()}`
}
</section>
<section class="card" aria-labelledby="doublons"><h2 id="doublons">${t.duplicates}</h2>
${
  duplicates.length === 0
    ? html`<p class="muted">${t.noDuplicate}</p>`
    : mayEdit
      ? html`<p class="hint">${t.duplicateLead}</p>${duplicates.map((group, index) => mergeForm(base, group, index))}`
      : html`<ul>${duplicates.map((group) => html`<li>${group.map(placeSummary).join(' / ')}</li>`)}</ul>`
}
</section>
${
  mayEdit
    ? html`<section class="card" aria-labelledby="import"><h2 id="import">${t.import}</h2>
<p class="hint">${t.importLead}</p>
<form method="post" action="${PLACES_IMPORT_PAGE}" enctype="multipart/form-data">
<input type="hidden" name="gouvernance" value="${governance.id}">
<p><label for="fichier">${t.file}</label> <input id="fichier" name="fichier" type="file" accept=".json,.csv,application/json,text/csv" required></p>
<p><button type="submit">${t.importButton}</button></p>
</form>
</section>`
    : ''
}`;
  return layout({
    demo: governance.demo === true,
    title: t.title,
    trail: {
      steps: [
        HOME_STEP,
        { label: governance.name, href: governancePath(governance.id) },
        { label: t.title, href: base },
      ],
    },
    signedInAs,
    history,
    body,
  });
}

/** A place as the duplicates name it: its name and address. */
const placeSummary = (o: Organization) =>
  [o.name, [o.address?.street, o.address?.postalCode, o.address?.city].filter(Boolean).join(', ')]
    .filter(Boolean)
    .join(' — ');

/** One group of probable duplicates: which record to keep, and the button that merges the rest. */
function mergeForm(base: string, group: readonly Organization[], index: number): Html {
  const t = fr.places;
  const legend = `doublon-${index}`;
  return html`<form method="post" action="${base}/fusion" class="merge">
<fieldset><legend id="${legend}">${group.map((o) => o.name).join(' / ')}</legend>
${group.map(
  (o, i) =>
    html`<p><input type="radio" id="${legend}-${o.id}" name="garder" value="${o.id}"${i === 0 ? ' checked' : ''}> <label for="${legend}-${o.id}">${t.keep(o.name)} — ${[o.address?.street, o.address?.postalCode, o.address?.city].filter(Boolean).join(', ')}${o.pivot ? ` · SIRET ${o.pivot}` : ''}${o.nationalIds.length > 0 ? ` · ${o.nationalIds.join(', ')}` : ''}</label></p>`,
)}
<input type="hidden" name="groupe" value="${group.map((o) => o.id).join(' ')}">
<p><button type="submit">${t.merge}</button></p>
</fieldset></form>`;
}

/** The report of an import: its counts, its rejected records, the fixes made, the duplicates. */
export function placesImportPage(
  report: PlacesImport,
  signedInAs: string,
  back: { governanceId: string; name: string } | undefined,
): Html {
  const t = fr.places;
  const rejected = report.entries.filter((e) => e.outcome === 'rejete');
  const fixed = report.entries.filter(
    (e) => e.outcome !== 'rejete' && e.fixes.length + e.warnings.length > 0,
  );
  const body = html`<p>${t.reportOf(report.fileName ?? report.id, formatDate(report.importedAt.slice(0, 10)))}</p>
<section class="card" aria-labelledby="bilan"><h2 id="bilan">${t.report}</h2>
<p>${t.counts(report.counts)}</p>
<p>${t.duplicatesFound(report.duplicateGroups.length)}</p>
${back ? html`<p><a href="${placesPath(back.governanceId)}">${t.back}</a></p>` : ''}
</section>
<section class="card" aria-labelledby="rejets"><h2 id="rejets">${t.rejected}</h2>
${
  rejected.length === 0
    ? html`<p class="muted">${t.noRejected}</p>`
    : html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby="rejets"><table>
<thead><tr><th scope="col">${t.position}</th><th scope="col">${t.name}</th><th scope="col">${t.reason}</th></tr></thead>
<tbody>${rejected.map((e) => html`<tr><th scope="row">${e.position}</th><td>${e.name ?? ''}</td><td>${e.reason ?? ''}</td></tr>`)}</tbody></table></div>`
}
</section>
<section class="card" aria-labelledby="corrections"><h2 id="corrections">${t.fixes}</h2>
${
  fixed.length === 0
    ? html`<p class="muted">—</p>`
    : html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby="corrections"><table>
<thead><tr><th scope="col">${t.position}</th><th scope="col">${t.name}</th><th scope="col">${t.fix}</th></tr></thead>
<tbody>${fixed.map((e) => html`<tr><th scope="row">${e.position}</th><td>${e.name ?? ''} <span class="muted">(${placeOutcomeLabels[e.outcome]})</span></td><td>${[...e.fixes, ...e.warnings].join(' ; ')}</td></tr>`)}</tbody></table></div>`
}
</section>`;
  return layout({
    title: t.report,
    trail: {
      steps: [
        HOME_STEP,
        ...(back
          ? [
              { label: back.name, href: governancePath(back.governanceId) },
              { label: t.title, href: placesPath(back.governanceId) },
            ]
          : []),
        { label: t.report, href: `${PLACES_IMPORT_PAGE}/${report.id}` },
      ],
    },
    signedInAs,
    body,
  });
}
