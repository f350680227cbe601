/**
 * The English catalogue, loaded when a reader chooses English (or had chosen it): zh-CN is the first
 * language and every first screen's code carries it alone (DESIGN §8's first-route budget).
 */

export { default as antdEn } from 'antd/locale/en_US';
export { en } from './en.js';
export { errorsEn } from './errors-en.js';
