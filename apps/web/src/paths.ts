/**
 * Where each page of the workspace lives. One module that imports nothing, so that a page may
 * link to any other without the pages importing one another.
 */
export const governancePath = (id: string) => `/gouvernances/${id}`;
export const briefPath = (id: string) => `/gouvernances/${id}/point-copil`;
export const bodyPath = (id: string) => `/instances/${id}`;
export const meetingPath = (id: string) => `/reunions/${id}`;
export const roadmapPath = (id: string) => `/feuilles-de-route/${id}`;
export const actionPath = (id: string) => `/fiches/${id}`;
export const fundingPath = (governanceId: string) => `/gouvernances/${governanceId}/financements`;
export const placesPath = (governanceId: string) => `/gouvernances/${governanceId}/lieux`;
export const PLACES_IMPORT_PAGE = '/lieux/imports';
export const placesImportPath = (id: string) => `/lieux/imports/${id}`;
/** A governance's history page, or one record's (`entity`, `entityId`), from `before` on. */
export const historyPath = (
  governanceId: string,
  filter: {
    entity?: string | undefined;
    entityId?: string | undefined;
    before?: string | undefined;
  } = {},
) => {
  const query = new URLSearchParams();
  if (filter.entity) query.set('entite', filter.entity);
  if (filter.entityId) query.set('id', filter.entityId);
  if (filter.before) query.set('avant', filter.before);
  const search = query.toString();
  return `/gouvernances/${governanceId}/historique${search ? `?${search}` : ''}`;
};
