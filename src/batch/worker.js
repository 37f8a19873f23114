// Entry of a pool thread. envoy runs its TypeScript from source, and a new
// thread starts without the main thread's loader: register tsx here, then load
// the task module.
import { register } from 'tsx/esm/api';

register();
const { runArticleTask } = await import('./task.ts');

export default runArticleTask;
