export { createWeb, isPagePath, SESSION_COOKIE, type WebDependencies } from './web.ts';
