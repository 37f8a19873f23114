/** What a pool thread runs: piscina calls the module's default export with each task. */
export { runArticleTask as default } from './task.ts';
