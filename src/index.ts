/**
 * shijian (市监): typed domain functions for market-supervision bureaus and their party
 * organizations. Each module is a namespace here and a subpath of its own (`shijian/core`, …).
 * @module shijian
 */
export * as brand from './brand/index.js';
export * as core from './core/index.js';
export * as join from './join/index.js';
export * as loop from './loop/index.js';
export * as org from './org/index.js';
export * as rating from './rating/index.js';
export * as risk from './risk/index.js';
export * as store from './store/index.js';
