// The bridge worker: the lab's link to its other tabs, off the page's main thread (serve.ts).
import { workerScope } from '../../common/rpc/rpc';
import { serveBridge } from './serve';

serveBridge(workerScope());
