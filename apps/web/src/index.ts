export { workspaceLinks } from './calendar-links.ts';
export { createWeb, isPagePath, SESSION_COOKIE, type WebDependencies } from './web.ts';
