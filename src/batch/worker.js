// Entry of a pool thread when envoy runs from source (a bundle runs its own thread.mjs): a new
// thread starts without the main thread's loader, so tsx is registered before the TypeScript loads.
import { register } from 'tsx/esm/api';

register();
const { default: runArticleTask } = await import('./thread.ts');

export default runArticleTask;
