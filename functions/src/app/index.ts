export { type ApiApp, createApp } from './app.js';
export { type Deps, makeDeps } from './deps.js';
