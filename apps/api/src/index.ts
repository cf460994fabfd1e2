/**
 * The HTTP API of Maille: `createApp` for tests and embedding, `serveApi` to listen on a port,
 * and the server's settings as read from the environment.
 */
export { type App, type AppOptions, createApp } from './app.ts';
export { type ServerSettings, serverSettings } from './env.ts';
export { type RunningApi, serveApi } from './serve.ts';
