export * from './default-scheme.js';
// The defaults a stored scheme may leave out: their own module, so reading one builds no schema.
export * from './defaults.js';
export * from './scheme.js';
